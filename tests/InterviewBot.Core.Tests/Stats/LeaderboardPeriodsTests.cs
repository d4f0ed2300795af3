using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class LeaderboardPeriodsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Start_Week_IsLocalMondayMidnight()
    {
        // Sunday 2026-03-08 22:00 New York (after the DST change that morning) = Monday 02:00 UTC.
        var now = new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero);

        var start = LeaderboardPeriods.Start(LeaderboardPeriod.Week, now, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(-5)), start);
    }

    [Fact]
    public void Start_Month_IsTheFirstOfTheLocalMonth()
    {
        // 2026-04-01 02:00 UTC is still 31 March in New York.
        var now = new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

        var start = LeaderboardPeriods.Start(LeaderboardPeriod.Month, now, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)), start);
    }

    [Fact]
    public void Start_All_HasNoStart()
    {
        Assert.Null(LeaderboardPeriods.Start(LeaderboardPeriod.All, DateTimeOffset.UnixEpoch, NewYork));
    }

    [Fact]
    public void LocalMidnight_InsideASpringForwardGap_MovesToTheEndOfTheGap()
    {
        // Santiago skips from 00:00 to 01:00 on 2026-09-06.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var midnight = LeaderboardPeriods.LocalMidnight(new DateOnly(2026, 9, 6), santiago);

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 1, 0, 0, TimeSpan.FromHours(-3)), midnight);
    }
}
