namespace InterviewBot.Storage;

/// <summary>A guild's settings; a guild that never changed anything gets <see cref="Default"/>.</summary>
public sealed record GuildSettings
{
    public const int DefaultRevealDelayMinutes = 24 * 60;

    public required ulong GuildId { get; init; }

    public ulong? LogChannelId { get; init; }

    public ulong? ReviewChannelId { get; init; }

    /// <summary>Answers are collected privately and shown only at the reveal.</summary>
    public bool BlindMode { get; init; }

    public int RevealDelayMinutes { get; init; } = DefaultRevealDelayMinutes;

    public bool AnonymousReviews { get; init; }

    public bool DigestEnabled { get; init; }

    public ulong? DigestChannelId { get; init; }

    public DayOfWeek DigestWeekday { get; init; } = DayOfWeek.Monday;

    public TimeOnly DigestLocalTime { get; init; } = new(18, 0);

    /// <summary>IANA time zone id of the digest's local time.</summary>
    public string DigestTimeZone { get; init; } = "Etc/UTC";

    /// <summary>Answers and reviews older than this many days are pruned; null keeps them forever.</summary>
    public int? RetentionDays { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static GuildSettings Default(ulong guildId) => new() { GuildId = guildId };
}
