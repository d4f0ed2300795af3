using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class LeaderboardTests
{
    [Fact]
    public void Rank_TiesOnValue_BrokenByAnswersThenMemberId()
    {
        var ranked = Leaderboard.Rank(
        [
            new LeaderboardEntry(30, 80, 5),
            new LeaderboardEntry(10, 80, 5),
            new LeaderboardEntry(20, 80, 7),
            new LeaderboardEntry(40, 95, 1),
        ]);

        Assert.Equal([40UL, 20UL, 10UL, 30UL], ranked.Select(r => r.Entry.MemberId));
        Assert.Equal([1, 2, 3, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_SameInputInAnyOrder_SameResult()
    {
        LeaderboardEntry[] entries = [new(1, 10, 1), new(2, 10, 1), new(3, 20, 2), new(4, 5, 9)];

        var a = Leaderboard.Rank(entries);
        var b = Leaderboard.Rank(entries.Reverse());

        Assert.Equal(a, b);
    }

    [Fact]
    public void TopWithCaller_CallerBelowTop_ReturnsCallerRow()
    {
        var ranked = Leaderboard.Rank(Enumerable.Range(1, 15).Select(i => new LeaderboardEntry((ulong)i, 100 - i, 1)));

        var (top, caller) = Leaderboard.TopWithCaller(ranked, callerId: 13);

        Assert.Equal(10, top.Count);
        Assert.Equal(13, caller!.Rank);
    }

    [Fact]
    public void TopWithCaller_CallerInTop_NoExtraRow()
    {
        var ranked = Leaderboard.Rank(Enumerable.Range(1, 15).Select(i => new LeaderboardEntry((ulong)i, 100 - i, 1)));

        Assert.Null(Leaderboard.TopWithCaller(ranked, callerId: 3).Caller);
    }

    [Fact]
    public void Sparkline_ScalesToMax()
    {
        Assert.Equal("▁▅█▁", TextCharts.Sparkline([0, 2, 4, 0])); // 2/4 of 7 steps = 3.5, rounded up
        Assert.Equal("▁▁▁", TextCharts.Sparkline([0, 0, 0]));
    }

    [Fact]
    public void Bar_SeventyPercent_SevenOfTenBlocks()
    {
        Assert.Equal("███████░░░ 70%", TextCharts.Bar(70));
        Assert.Equal("░░░░░░░░░░ 0%", TextCharts.Bar(-5));
    }
}
