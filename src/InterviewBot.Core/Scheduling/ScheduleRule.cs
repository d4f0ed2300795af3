namespace InterviewBot.Core.Scheduling;

/// <summary>
/// "Post at <see cref="LocalTime"/> in <see cref="Zone"/> on <see cref="Days"/>": computes the real instants, with
/// daylight-saving rules spelled out instead of left to chance:
/// a local time that does not exist on a spring-forward day fires at the first valid local time after the gap
/// (02:30 → 03:00); a local time that occurs twice on a fall-back day fires once, at its first occurrence.
/// </summary>
public sealed record ScheduleRule(TimeOnly LocalTime, TimeZoneInfo Zone, WeekdaySet Days)
{
    /// <summary>The instant this rule fires on <paramref name="localDate"/>, or null when that day is not in <see cref="Days"/>.</summary>
    public DateTimeOffset? FireOn(DateOnly localDate)
    {
        if (!Days.Contains(localDate.DayOfWeek))
        {
            return null;
        }

        var local = localDate.ToDateTime(LocalTime, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: move to the first minute that exists (the end of the gap).
            do
            {
                local = local.AddMinutes(1);
            }
            while (Zone.IsInvalidTime(local));

            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier of the two instants: fire at the first occurrence only.
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Fire instants strictly after <paramref name="after"/>, in order.</summary>
    public IEnumerable<DateTimeOffset> OccurrencesAfter(DateTimeOffset after)
    {
        if (Days.IsEmpty)
        {
            yield break;
        }

        // Start a day early: the fire for local "yesterday" can still be ahead of an instant near midnight UTC.
        var date = LocalDateOf(after).AddDays(-1);
        while (true)
        {
            var fire = FireOn(date);
            if (fire is { } instant && instant > after)
            {
                yield return instant;
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>The most recent fire at or before <paramref name="atOrBefore"/>, looking back at most 8 days.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset atOrBefore)
    {
        var date = LocalDateOf(atOrBefore).AddDays(1);
        for (var i = 0; i < 9; i++, date = date.AddDays(-1))
        {
            if (FireOn(date) is { } fire && fire <= atOrBefore)
            {
                return fire;
            }
        }

        return null;
    }

    /// <summary>The calendar date, in the schedule's zone, of an instant: the key of "one post per schedule per local date".</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
