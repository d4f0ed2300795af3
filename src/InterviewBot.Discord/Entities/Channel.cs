namespace InterviewBot.Discord.Entities;

/// <summary>A channel, DM or thread. Thread-only fields are null on other channels.</summary>
public sealed record Channel
{
    public required Snowflake Id { get; init; }

    public ChannelType Type { get; init; }

    public Snowflake? GuildId { get; init; }

    public string? Name { get; init; }

    public int? Position { get; init; }

    public string? Topic { get; init; }

    /// <summary>For a thread, the channel it was created in.</summary>
    public Snowflake? ParentId { get; init; }

    /// <summary>For a thread, its creator.</summary>
    public Snowflake? OwnerId { get; init; }

    public Snowflake? LastMessageId { get; init; }

    public int? RateLimitPerUser { get; init; }

    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }

    public IReadOnlyList<User>? Recipients { get; init; }

    public ThreadMetadata? ThreadMetadata { get; init; }

    public int? MessageCount { get; init; }

    public int? MemberCount { get; init; }

    /// <summary>True on THREAD_CREATE when the thread was just created.</summary>
    public bool? NewlyCreated { get; init; }

    public int? Flags { get; init; }

    /// <summary>Permissions of the invoking user; only on channels resolved in interactions.</summary>
    public Permissions? Permissions { get; init; }

    public bool IsThread => Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread;
}
