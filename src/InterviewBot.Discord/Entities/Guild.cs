namespace InterviewBot.Discord.Entities;

/// <summary>A guild (server). GUILD_CREATE adds joined_at, member_count, channels and threads.</summary>
public sealed record Guild
{
    public required Snowflake Id { get; init; }

    public string? Name { get; init; }

    public Snowflake? OwnerId { get; init; }

    public IReadOnlyList<Role>? Roles { get; init; }

    public bool? Unavailable { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public int? MemberCount { get; init; }

    public IReadOnlyList<Channel>? Channels { get; init; }

    public IReadOnlyList<Channel>? Threads { get; init; }

    public string? PreferredLocale { get; init; }

    public Snowflake? SystemChannelId { get; init; }
}
