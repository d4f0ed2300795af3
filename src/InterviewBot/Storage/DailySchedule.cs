using InterviewBot.Core.Scheduling;

namespace InterviewBot.Storage;

/// <summary>One named daily schedule of a guild: where, when (local time in an IANA zone) and what to post.</summary>
public sealed record DailySchedule
{
    /// <summary>Assigned by the store; ignored by <see cref="IDailyScheduleStore.TryCreateAsync"/>.</summary>
    public long ScheduleId { get; init; }

    public required ulong GuildId { get; init; }

    public required string Name { get; init; }

    public required ulong ChannelId { get; init; }

    public required TimeOnly LocalTime { get; init; }

    /// <summary>IANA time zone id, e.g. Europe/Berlin.</summary>
    public required string TimeZone { get; init; }

    public WeekdaySet Weekdays { get; init; } = WeekdaySet.EveryDay;

    /// <summary>Empty means every category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? Difficulty { get; init; }

    /// <summary>Overrides the guild's reveal delay when set.</summary>
    public int? RevealAfterMinutes { get; init; }

    public ulong? PingRoleId { get; init; }

    public bool Paused { get; init; }

    public bool SkipNext { get; init; }

    /// <summary>How late a missed post may still go out after start-up.</summary>
    public int GraceMinutes { get; init; } = 360;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
