using InterviewBot.Core.Scheduling;

namespace InterviewBot.Core.Digest;

/// <summary>
/// When a guild's weekly digest goes out: one weekday at a local time in an IANA zone. Fire times come from
/// <see cref="ScheduleRule"/>, so daylight-saving changes follow its rules: a time inside the spring-forward gap fires
/// at the end of the gap (02:30 → 03:00), a time that occurs twice on the fall-back night fires once, at the first.
/// </summary>
public sealed record DigestSchedule(DayOfWeek Day, TimeOnly LocalTime, TimeZoneInfo Zone)
{
    /// <summary>The schedule as a <see cref="ScheduleRule"/> on a single weekday.</summary>
    public ScheduleRule Rule => new(LocalTime, Zone, new WeekdaySet(1 << (int)Day));

    /// <summary>The next fire strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextFireAfter(DateTimeOffset after) => Rule.OccurrencesAfter(after).First();

    /// <summary>
    /// The Monday of the week a digest fired at <paramref name="fireTime"/> reports: the last Monday-to-Sunday week
    /// that has ended by the end of the fire's local day (a Sunday-evening digest reports the week ending that day, a
    /// Monday-morning one the week before).
    /// </summary>
    public DateOnly WeekReported(DateTimeOffset fireTime) => WeeklyDigestBuilder.LastCompleteWeekStart(fireTime, Zone);

    /// <summary>Parses the setup command's options: one day (mon … sun), a 24-hour HH:mm time and an IANA zone.</summary>
    public static ParseResult<DigestSchedule> Parse(string? day, string? time, string? zone)
    {
        var days = WeekdaySet.Parse(day);
        if (!days.Success)
        {
            return ParseResult.Fail<DigestSchedule>(days.Error!);
        }

        var mask = days.Value.Mask;
        if (string.IsNullOrWhiteSpace(day) || (mask & (mask - 1)) != 0)
        {
            return ParseResult.Fail<DigestSchedule>(
                $"'{LocalTimeParser.Shorten(day?.Trim() ?? string.Empty)}' is not one day: the digest goes out once a week, so pick one day such as mon or sunday.");
        }

        var localTime = LocalTimeParser.Parse(time);
        if (!localTime.Success)
        {
            return ParseResult.Fail<DigestSchedule>(localTime.Error!);
        }

        var timeZone = IanaTimeZones.Parse(zone);
        if (!timeZone.Success)
        {
            return ParseResult.Fail<DigestSchedule>(timeZone.Error!);
        }

        return ParseResult.Ok(new DigestSchedule((DayOfWeek)System.Numerics.BitOperations.TrailingZeroCount(mask), localTime.Value, timeZone.Value!));
    }
}
