namespace InterviewBot.Core.Stats;

/// <summary>
/// Streaks count consecutive scheduled daily questions a member answered. Dates are the local dates of the
/// posts in the schedule's own time zone, so "midnight" is the schedule's midnight, and an answer counts for the
/// day its question was posted whenever it was written. One missed day per 14 days is forgiven (a "freeze").
/// Days an admin restored (an outage) count as answered.
/// </summary>
public static class StreakCalculator
{
    public const int FreezeEveryDays = 14;

    /// <param name="scheduledDates">Local dates on which a scheduled question was posted, any order.</param>
    /// <param name="answeredDates">Local dates of the posts the member answered.</param>
    /// <param name="restoredDates">Dates an admin restored for this member.</param>
    /// <param name="today">Today in the schedule's zone: an unanswered post of today does not break the streak yet.</param>
    public static StreakResult Compute(
        IEnumerable<DateOnly> scheduledDates,
        IReadOnlySet<DateOnly> answeredDates,
        IReadOnlySet<DateOnly> restoredDates,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scheduledDates);
        ArgumentNullException.ThrowIfNull(answeredDates);
        ArgumentNullException.ThrowIfNull(restoredDates);

        var current = 0;
        var best = 0;
        var freezes = 0;
        DateOnly? lastFreeze = null;
        foreach (var date in scheduledDates.Where(d => d <= today).Distinct().Order())
        {
            if (answeredDates.Contains(date) || restoredDates.Contains(date))
            {
                current++;
                best = Math.Max(best, current);
            }
            else if (date == today)
            {
                // Still open: the member has until the day ends.
            }
            else if (current > 0 && (lastFreeze is null || date.DayNumber - lastFreeze.Value.DayNumber >= FreezeEveryDays))
            {
                lastFreeze = date;
                freezes++;
            }
            else
            {
                current = 0;
            }
        }

        return new StreakResult(current, best, freezes);
    }
}
