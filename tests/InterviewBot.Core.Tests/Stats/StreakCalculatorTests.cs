using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class StreakCalculatorTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    private static DateOnly D(int offset) => Day0.AddDays(offset);

    private static HashSet<DateOnly> Days(params int[] offsets) => [.. offsets.Select(D)];

    private static IEnumerable<DateOnly> Range(int from, int to) => Enumerable.Range(from, to - from + 1).Select(D);

    [Fact]
    public void Compute_EveryDayAnswered_CountsAll()
    {
        var result = StreakCalculator.Compute(Range(0, 9), Days([.. Enumerable.Range(0, 10)]), Days(), D(9));

        Assert.Equal(new StreakResult(10, 10, 0), result);
    }

    [Fact]
    public void Compute_OneMissInFourteenDays_FreezeKeepsStreak()
    {
        var answered = Days([.. Enumerable.Range(0, 10).Where(i => i != 4)]);

        var result = StreakCalculator.Compute(Range(0, 9), answered, Days(), D(9));

        Assert.Equal(9, result.Current);
        Assert.Equal(1, result.FreezesUsed);
    }

    [Fact]
    public void Compute_TwoMissesWithinFourteenDays_SecondBreaksStreak()
    {
        var answered = Days([.. Enumerable.Range(0, 10).Where(i => i is not 3 and not 7)]);

        var result = StreakCalculator.Compute(Range(0, 9), answered, Days(), D(9));

        Assert.Equal(2, result.Current); // days 8 and 9
        Assert.Equal(6, result.Best);    // days 0-2 and 4-6 joined by the freeze on day 3
    }

    [Fact]
    public void Compute_MissesFourteenDaysApart_BothFrozen()
    {
        var answered = Days([.. Enumerable.Range(0, 30).Where(i => i is not 5 and not 19)]);

        var result = StreakCalculator.Compute(Range(0, 29), answered, Days(), D(29));

        Assert.Equal(28, result.Current);
        Assert.Equal(2, result.FreezesUsed);
    }

    [Fact]
    public void Compute_TodayNotYetAnswered_DoesNotBreakStreak()
    {
        var result = StreakCalculator.Compute(Range(0, 5), Days(0, 1, 2, 3, 4), Days(), D(5));

        Assert.Equal(5, result.Current);
        Assert.Equal(0, result.FreezesUsed);
    }

    [Fact]
    public void Compute_AdminRestoredOutageDays_CountAsAnswered()
    {
        var answered = Days(0, 1, 4, 5);

        var result = StreakCalculator.Compute(Range(0, 5), answered, Days(2, 3), D(5));

        Assert.Equal(6, result.Current);
        Assert.Equal(0, result.FreezesUsed);
    }

    [Fact]
    public void Compute_OnlyScheduledDaysCount_WeekendsWithoutPostsDoNotBreak()
    {
        // mon-fri schedule: the weekend has no post, so Friday → Monday is consecutive.
        var monday = new DateOnly(2026, 3, 23);
        DateOnly[] scheduled = [monday, monday.AddDays(1), monday.AddDays(2), monday.AddDays(3), monday.AddDays(4), monday.AddDays(7)];

        var result = StreakCalculator.Compute(scheduled, scheduled.ToHashSet(), new HashSet<DateOnly>(), monday.AddDays(7));

        Assert.Equal(6, result.Current);
    }

    [Fact]
    public void Compute_MissBeforeAnyAnswer_UsesNoFreeze()
    {
        var result = StreakCalculator.Compute(Range(0, 3), Days(2, 3), Days(), D(3));

        Assert.Equal(2, result.Current);
        Assert.Equal(0, result.FreezesUsed);
    }
}
