using InterviewBot.Core.Scheduling;

namespace InterviewBot.Features.Daily;

/// <summary>Builds the Quartz cron expression for a schedule; the trigger carries the schedule's zone separately.</summary>
public static class DailyCron
{
    private static readonly string[] QuartzDays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string For(ScheduleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var days = Enumerable.Range(0, 7).Where(d => rule.Days.Contains((DayOfWeek)d)).Select(d => QuartzDays[d]).ToList();
        var dayField = days.Count == 7 ? "*" : string.Join(',', days);
        return $"0 {rule.LocalTime.Minute} {rule.LocalTime.Hour} ? * {dayField}";
    }
}
