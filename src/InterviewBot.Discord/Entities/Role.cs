namespace InterviewBot.Discord.Entities;

public sealed record Role
{
    public required Snowflake Id { get; init; }

    public string Name { get; init; } = "";

    public Permissions Permissions { get; init; }

    public int Position { get; init; }

    public bool? Managed { get; init; }

    public bool? Mentionable { get; init; }

    public int? Color { get; init; }
}
