namespace InterviewBot.Discord.Entities;

public sealed record PermissionOverwrite
{
    public required Snowflake Id { get; init; }

    /// <summary>0 for a role, 1 for a member.</summary>
    public int Type { get; init; }

    public Permissions Allow { get; init; }

    public Permissions Deny { get; init; }
}
