namespace InterviewBot.Core.Stats;

/// <summary>
/// Leaderboard windows in the guild's time zone: <c>week</c> is the current Monday-to-Sunday week, <c>month</c> the
/// current calendar month, both from local midnight; <c>all</c> has no start.
/// </summary>
public static class LeaderboardPeriods
{
    /// <summary>The start of the period containing <paramref name="now"/>, or null for <see cref="LeaderboardPeriod.All"/>.</summary>
    public static DateTimeOffset? Start(LeaderboardPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly? first = period switch
        {
            LeaderboardPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            LeaderboardPeriod.Month => new DateOnly(today.Year, today.Month, 1),
            _ => null,
        };
        return first is { } date ? LocalMidnight(date, zone) : null;
    }

    /// <summary>"this week" / "this month" / "all time".</summary>
    public static string Describe(LeaderboardPeriod period) => period switch
    {
        LeaderboardPeriod.Week => "this week",
        LeaderboardPeriod.Month => "this month",
        _ => "all time",
    };

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/> (after a gap when midnight does not exist).</summary>
    public static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
