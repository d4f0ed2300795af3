using InterviewBot.Core.Scheduling;
using InterviewBot.Storage;

namespace InterviewBot.Features.Daily;

/// <summary>Bridges stored schedules to the pure <see cref="ScheduleRule"/>.</summary>
public static class DailySchedules
{
    public static ScheduleRule Rule(DailySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleRule(schedule.LocalTime, Zone(schedule.TimeZone), schedule.Weekdays);
    }

    /// <summary>The stored zone; a zone id the system no longer knows falls back to UTC rather than stopping every post.</summary>
    public static TimeZoneInfo Zone(string id) => IanaTimeZones.Parse(id) is { Success: true, Value: { } zone } ? zone : TimeZoneInfo.Utc;

    /// <summary>Discord's message nonce (at most 25 characters) for one schedule's local date.</summary>
    public static string Nonce(long scheduleId, DateOnly localDate) =>
        FormattableString.Invariant($"d{scheduleId}-{localDate.DayNumber}");
}
