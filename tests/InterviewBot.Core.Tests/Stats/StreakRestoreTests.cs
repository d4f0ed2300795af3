using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class StreakRestoreTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 1);

    private static DateOnly D(int offset) => Day0.AddDays(offset);

    private static HashSet<DateOnly> Days(params int[] offsets) => [.. offsets.Select(D)];

    [Fact]
    public void LatestMissedRun_OutageOfTwoDays_ReturnsBothDaysOldestFirst()
    {
        var run = StreakRestore.LatestMissedRun(Enumerable.Range(0, 6).Select(D), Days(0, 1, 4), Days(), D(5));

        Assert.Equal([D(2), D(3)], run);
    }

    [Fact]
    public void LatestMissedRun_OlderMissesStayMissed_OnlyTheLatestRunIsTaken()
    {
        var run = StreakRestore.LatestMissedRun(Enumerable.Range(0, 8).Select(D), Days(0, 2, 3, 5, 6), Days(), D(8));

        Assert.Equal([D(7)], run);
    }

    [Fact]
    public void LatestMissedRun_TodayUnanswered_IsNotRestored()
    {
        var run = StreakRestore.LatestMissedRun(Enumerable.Range(0, 3).Select(D), Days(0, 1), Days(), D(2));

        Assert.Empty(run);
    }

    [Fact]
    public void LatestMissedRun_AlreadyRestoredDays_AreSkipped()
    {
        var run = StreakRestore.LatestMissedRun(Enumerable.Range(0, 5).Select(D), Days(0, 4), Days(2, 3), D(5));

        Assert.Equal([D(1)], run);
    }

    [Fact]
    public void LatestMissedRun_ThenCompute_StreakRunsThroughTheOutage()
    {
        var scheduled = Enumerable.Range(0, 6).Select(D).ToList();
        var answered = Days(0, 1, 4, 5);
        var run = StreakRestore.LatestMissedRun(scheduled, answered, Days(), D(5));

        var before = StreakCalculator.Compute(scheduled, answered, Days(), D(5));
        var after = StreakCalculator.Compute(scheduled, answered, run.ToHashSet(), D(5));

        Assert.Equal(2, before.Current);
        Assert.Equal(new StreakResult(6, 6, 0), after);
    }
}
