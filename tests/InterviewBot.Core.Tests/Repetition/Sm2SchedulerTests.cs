using InterviewBot.Core.Repetition;

namespace InterviewBot.Core.Tests.Repetition;

public sealed class Sm2SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static (RepetitionState State, List<int> Intervals) Run(params RecallGrade[] grades)
    {
        var state = RepetitionState.New(Start);
        var now = Start;
        var intervals = new List<int>();
        foreach (var grade in grades)
        {
            state = Sm2Scheduler.Review(state, grade, now);
            intervals.Add(state.IntervalDays);
            now = state.DueAt;
        }

        return (state, intervals);
    }

    [Fact]
    public void Review_GoodGoodGoodGood_FollowsSm2Ladder()
    {
        var (state, intervals) = Run(RecallGrade.Good, RecallGrade.Good, RecallGrade.Good, RecallGrade.Good);

        // 1, 6, then previous interval × ease (2.5 stays 2.5 for quality 4... minus 0: 0.1-(1*(0.08+0.02)) = 0).
        Assert.Equal([1, 6, 15, 38], intervals);
        Assert.Equal(2.5, state.EaseFactor, 3);
    }

    [Fact]
    public void Review_EasyRepeatedly_GrowsFasterAndRaisesEase()
    {
        var (state, intervals) = Run(RecallGrade.Easy, RecallGrade.Easy, RecallGrade.Easy);

        // Ease rises 0.1 per easy review: 2.6, 2.7, 2.8; the third interval uses the ease before that review (2.7).
        Assert.Equal([1, 6, 16], intervals);
        Assert.Equal(2.8, state.EaseFactor, 3);
    }

    [Fact]
    public void Review_AgainAfterLearning_ResetsToOneDayAndCountsLapse()
    {
        var (state, intervals) = Run(RecallGrade.Good, RecallGrade.Good, RecallGrade.Again);

        Assert.Equal([1, 6, 1], intervals);
        Assert.Equal(0, state.Repetitions);
        Assert.Equal(1, state.Lapses);
        Assert.Equal(2.5 - 0.54, state.EaseFactor, 3);
    }

    [Fact]
    public void Review_AgainOnNewQuestion_IsNotALapse()
    {
        var (state, _) = Run(RecallGrade.Again);

        Assert.Equal(0, state.Lapses);
        Assert.Equal(Start.AddDays(1), state.DueAt);
    }

    [Fact]
    public void Review_HardAfterLadder_GrowsOnlyTwentyPercent()
    {
        var (_, intervals) = Run(RecallGrade.Good, RecallGrade.Good, RecallGrade.Good, RecallGrade.Hard);

        Assert.Equal([1, 6, 15, 18], intervals);
    }

    [Fact]
    public void Review_ManyAgains_EaseNeverBelowMinimum()
    {
        var (state, _) = Run(Enumerable.Repeat(RecallGrade.Again, 20).ToArray());

        Assert.Equal(RepetitionState.MinimumEase, state.EaseFactor, 3);
    }

    [Theory]
    [InlineData(0, RecallGrade.Again)]
    [InlineData(39.9, RecallGrade.Again)]
    [InlineData(40, RecallGrade.Hard)]
    [InlineData(60, RecallGrade.Good)]
    [InlineData(89, RecallGrade.Good)]
    [InlineData(90, RecallGrade.Easy)]
    [InlineData(100, RecallGrade.Easy)]
    public void GradeFromCoverage_Thresholds_MapToGrades(double coverage, RecallGrade expected) =>
        Assert.Equal(expected, Sm2Scheduler.GradeFromCoverage(coverage));
}
