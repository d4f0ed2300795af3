using InterviewBot.Discord;
using InterviewBot.Features.Daily;

namespace InterviewBot.Tests.Daily;

public sealed class DailyPacingTests
{
    [Fact]
    public void From_Defaults_EightyPercentOfDiscordsBudget_TwoRequestsPerPost()
    {
        var pacing = DailyPacing.From(new DailyOptions(), new DiscordClientOptions());

        // 50 requests/s × 0.8 / 2 requests per post.
        Assert.Equal(20, pacing.PostsPerSecond, precision: 6);
        Assert.Equal(10, pacing.Workers);
    }

    [Fact]
    public void From_BiggerGlobalBudget_PaceAndWorkersFollow()
    {
        var pacing = DailyPacing.From(new DailyOptions { GlobalBudgetShare = 0.95 }, new DiscordClientOptions { GlobalRequestsPerSecond = 250 });

        Assert.Equal(118.75, pacing.PostsPerSecond, precision: 6);
        Assert.Equal(60, pacing.Workers);
    }

    [Fact]
    public void From_ExplicitSettings_Win()
    {
        var pacing = DailyPacing.From(new DailyOptions { PostsPerSecond = 3, Workers = 2 }, new DiscordClientOptions { GlobalRequestsPerSecond = 250 });

        Assert.Equal(3, pacing.PostsPerSecond, precision: 6);
        Assert.Equal(2, pacing.Workers);
    }

    [Fact]
    public void From_SlowPace_KeepsAtLeastFourWorkers()
    {
        var pacing = DailyPacing.From(new DailyOptions { GlobalBudgetShare = 0.1 }, new DiscordClientOptions { GlobalRequestsPerSecond = 10 });

        Assert.Equal(0.5, pacing.PostsPerSecond, precision: 6);
        Assert.Equal(4, pacing.Workers);
    }

    [Fact]
    public void From_HugeBudget_CapsTheDerivedWorkers()
    {
        // The acknowledgement benchmark runs with a million requests a second; that once started 200,000 worker tasks.
        var pacing = DailyPacing.From(new DailyOptions(), new DiscordClientOptions { GlobalRequestsPerSecond = 1_000_000 });

        Assert.Equal(400_000, pacing.PostsPerSecond, precision: 6);
        Assert.Equal(DailyPacing.MaxDerivedWorkers, pacing.Workers);
    }
}
