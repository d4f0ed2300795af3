namespace InterviewBot.Discord.Entities;

public sealed record Application
{
    public required Snowflake Id { get; init; }

    public string Name { get; init; } = "";

    public int? Flags { get; init; }

    public bool? BotPublic { get; init; }

    public User? Owner { get; init; }

    public User? Bot { get; init; }
}
