namespace InterviewBot.Core.Stats;

/// <summary>Counts events per Monday-to-Sunday week in a time zone, for the <c>/stats</c> sparkline.</summary>
public static class ActivityWeeks
{
    /// <summary>
    /// How many of <paramref name="instants"/> fall in each of the last <paramref name="weeks"/> weeks, oldest first;
    /// the last bucket is the week that contains <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<int> Count(IEnumerable<DateTimeOffset> instants, DateTimeOffset now, TimeZoneInfo zone, int weeks = 8)
    {
        ArgumentNullException.ThrowIfNull(instants);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var currentMonday = MondayOf(LocalDate(now, zone));
        var firstMonday = currentMonday.AddDays(-7 * (weeks - 1));
        var counts = new int[weeks];
        foreach (var instant in instants)
        {
            var days = LocalDate(instant, zone).DayNumber - firstMonday.DayNumber;
            if (days >= 0 && days / 7 < weeks)
            {
                counts[days / 7]++;
            }
        }

        return counts;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
