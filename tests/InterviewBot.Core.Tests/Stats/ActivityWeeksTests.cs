using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class ActivityWeeksTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Count_EventsInTheLastEightWeeks_BucketedByLocalMondayWeeks()
    {
        // Wednesday 2026-11-25 12:00 Berlin; the current week starts Monday 2026-11-23.
        var now = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] events =
        [
            new(2026, 11, 23, 0, 30, 0, TimeSpan.FromHours(1)),   // this week, just after local midnight
            new(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(1)),  // Sunday: the week before
            new(2026, 11, 22, 23, 30, 0, TimeSpan.Zero),          // 00:30 Monday in Berlin: this week
            new(2026, 10, 5, 12, 0, 0, TimeSpan.Zero),            // 7 weeks before this week's Monday: first bucket
            new(2026, 9, 28, 12, 0, 0, TimeSpan.Zero),            // 8 weeks before: outside
        ];

        var counts = ActivityWeeks.Count(events, now, Berlin);

        Assert.Equal([1, 0, 0, 0, 0, 0, 1, 2], counts);
    }

    [Fact]
    public void Count_NoEvents_AllZeros()
    {
        Assert.Equal([0, 0, 0], ActivityWeeks.Count([], DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, weeks: 3));
    }
}
