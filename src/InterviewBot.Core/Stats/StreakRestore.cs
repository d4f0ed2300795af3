namespace InterviewBot.Core.Stats;

/// <summary>
/// Which days <c>/admin streak restore</c> counts as answered when no date is given: the most recent run of
/// consecutive scheduled days the member missed (before today), the typical footprint of an outage. Days a freeze
/// already covered are part of the run too, so the freeze is given back.
/// </summary>
public static class StreakRestore
{
    /// <summary>The latest run of missed scheduled dates before <paramref name="today"/>, oldest first; empty when nothing was missed.</summary>
    public static IReadOnlyList<DateOnly> LatestMissedRun(
        IEnumerable<DateOnly> scheduledDates,
        IReadOnlySet<DateOnly> answeredDates,
        IReadOnlySet<DateOnly> restoredDates,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scheduledDates);
        ArgumentNullException.ThrowIfNull(answeredDates);
        ArgumentNullException.ThrowIfNull(restoredDates);
        var run = new List<DateOnly>();
        foreach (var date in scheduledDates.Where(d => d < today).Distinct().OrderDescending())
        {
            var missed = !answeredDates.Contains(date) && !restoredDates.Contains(date);
            if (missed)
            {
                run.Add(date);
            }
            else if (run.Count > 0)
            {
                break;
            }
        }

        run.Reverse();
        return run;
    }
}
