namespace InterviewBot.Discord.Entities;

/// <summary>A user's membership in a guild. In interactions it carries the member's channel permissions.</summary>
public sealed record GuildMember
{
    /// <summary>Missing in MESSAGE_CREATE's member and in resolved members.</summary>
    public User? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<Snowflake> Roles { get; init; } = [];

    public DateTimeOffset? JoinedAt { get; init; }

    public bool? Pending { get; init; }

    /// <summary>Total permissions in the interaction's channel; only present in interaction payloads.</summary>
    public Permissions? Permissions { get; init; }
}
