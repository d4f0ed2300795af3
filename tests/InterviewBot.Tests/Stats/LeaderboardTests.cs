using System.Globalization;
using InterviewBot.Core.Stats;
using InterviewBot.Features.Stats;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Stats;

/// <summary>/leaderboard periods, metrics, ties and the caller's own rank; /stats content.</summary>
public sealed class LeaderboardTests
{
    [Fact]
    public async Task Leaderboard_WeekAndAllTime_CountOnlyThePeriodsAnswers_TiesShareARankAndAreStated()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var now = bot.Time.GetUtcNow();
        var longAgo = now.AddDays(-60);
        var (bob, carol, dave) = (bot.Member("bob").Id, bot.Member("carol").Id, bot.Member("dave").Id);
        var old = await script.AskPromptAsync(longAgo, "cache-purpose");
        var recent = await script.AskPromptAsync(now, "cache-ttl");
        var recent2 = await script.AskPromptAsync(now, "cache-eviction");
        await script.AnswerAsync(recent, bob, now);
        await script.AnswerAsync(recent2, bob, now);
        await script.AnswerAsync(recent, carol, now);
        await script.AnswerAsync(old, carol, longAgo);
        await script.AnswerAsync(recent, dave, now);

        var leaderboard = bot.Service<LeaderboardCommand>();
        var week = Leaderboard.Rank(await leaderboard.EntriesAsync(bot.Guild.Id, LeaderboardPeriod.Week, "score", now, CancellationToken.None));
        var all = Leaderboard.Rank(await leaderboard.EntriesAsync(bot.Guild.Id, LeaderboardPeriod.All, "score", now, CancellationToken.None));

        // This week: bob 200; carol and dave 100 with one answer each share rank 2, the older account first.
        Assert.Equal([(1, bob, 200.0), (2, carol, 100.0), (2, dave, 100.0)], week.Select(r => (r.Rank, r.Entry.MemberId, r.Entry.Value)));
        // All time: carol's old answer counts too and she ties bob on score and answers.
        Assert.Equal([(1, bob, 200.0), (1, carol, 200.0), (3, dave, 100.0)], all.Select(r => (r.Rank, r.Entry.MemberId, r.Entry.Value)));

        var command = await bot.Member("dave").RunsCommandAsync("leaderboard", ("period", "week"), ("metric", "score"));
        var board = await command.WaitForMessageAsync(m => m.EmbedText.Length > 0);
        Assert.True(board.Ephemeral);
        Assert.Contains("this week", board.EmbedText, StringComparison.Ordinal);
        Assert.Contains($"**2.** <@{carol}> — 100 points", board.EmbedText, StringComparison.Ordinal);
        Assert.Contains($"**2.** <@{dave}> — 100 points (1 answer) ← you", board.EmbedText, StringComparison.Ordinal);
        Assert.Contains(Leaderboard.TieRule, board.EmbedText, StringComparison.Ordinal);
        Assert.Empty(board.PingedUserIds);
    }

    [Fact]
    public async Task Leaderboard_CallerBelowTheTopTen_SeesTheirOwnRankUnderIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var now = bot.Time.GetUtcNow();
        var prompt = await script.AskPromptAsync(now, "cache-ttl");
        for (var i = 0; i < 11; i++)
        {
            // Scores 100, 95, … 50: eleven distinct ranks.
            await script.AnswerAsync(prompt, 5_000_000_000UL + (ulong)i, now, covered: 20 - i, total: 20);
        }

        var alice = bot.Member("alice");
        await script.AnswerAsync(prompt, alice.Id, now, covered: 1, total: 20);

        var command = await alice.RunsCommandAsync("leaderboard");
        var board = await command.WaitForMessageAsync(m => m.EmbedText.Length > 0);

        Assert.Contains("**10.**", board.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain("**11.**", board.EmbedText, StringComparison.Ordinal);
        Assert.Contains($"…\n**12.** <@{alice.Id}> — 5 points (1 answer) ← you", board.EmbedText, StringComparison.Ordinal);
        Assert.Contains("score · all time", board.EmbedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_Reviews_RanksByReviewerPointsWithHelpfulVotes()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var now = bot.Time.GetUtcNow();
        var (alice, bob, carol, dave) = (bot.Member("alice").Id, bot.Member("bob").Id, bot.Member("carol").Id, bot.Member("dave").Id);
        var prompt = await script.AskPromptAsync(now, "cache-ttl");
        var a1 = await script.AnswerAsync(prompt, alice, now);
        var a2 = await script.AnswerAsync(prompt, dave, now);
        // bob writes two reviews (2 points); carol writes one that two members found helpful (1 + 2 × 2 = 5 points).
        await script.ReviewAsync(a1, bob, 3, now);
        await script.ReviewAsync(a2, bob, 3, now);
        var helpful = await script.ReviewAsync(a1, carol, 4, now);
        await bot.Service<InterviewBot.Storage.IReviewStore>().AddHelpfulVoteAsync(helpful, alice, now, CancellationToken.None);
        await bot.Service<InterviewBot.Storage.IReviewStore>().AddHelpfulVoteAsync(helpful, dave, now, CancellationToken.None);

        var ranked = Leaderboard.Rank(await bot.Service<LeaderboardCommand>().EntriesAsync(bot.Guild.Id, LeaderboardPeriod.Month, "reviews", now, CancellationToken.None));

        Assert.Equal([(carol, 5.0), (bob, 2.0)], ranked.Select(r => (r.Entry.MemberId, r.Entry.Value)));
    }

    [Fact]
    public async Task Stats_ShowsTotalsCategoryBarsAndTheWeeklySparkline()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var now = bot.Time.GetUtcNow();
        var bob = bot.Member("bob");
        var carol = bot.Member("carol").Id;
        var caching = await script.AskPromptAsync(now, "cache-ttl");
        var databases = await script.AskPromptAsync(now.AddDays(-14), "db-normalization");
        var strong = await script.AnswerAsync(caching, bob.Id, now, covered: 3, total: 3);
        await script.AnswerAsync(databases, bob.Id, now.AddDays(-14), covered: 1, total: 4);
        await script.ReviewAsync(strong, carol, 5, now);
        // A deleted answer counts nowhere, and neither does its review.
        var deleted = await script.AskPromptAsync(now, "cache-eviction");
        var gone = await script.AnswerAsync(deleted, bob.Id, now, covered: 0, total: 3);
        await script.ReviewAsync(gone, carol, 1, now);
        var goneMessage = (await bot.Service<InterviewBot.Storage.IAnswerStore>().GetAsync(gone, CancellationToken.None))!.Parts[0].MessageId;
        await bot.Service<InterviewBot.Storage.IAnswerStore>().SoftDeletePartAsync(goneMessage, now, CancellationToken.None);

        var command = await bot.Member("alice").RunsCommandAsync("stats", ("member", bob));
        var stats = (await command.WaitForMessageAsync(m => m.EmbedText.Length > 0)).EmbedText;

        Assert.Contains($"<@{bob.Id}>", stats, StringComparison.Ordinal);
        Assert.Contains("2 · mean coverage 63%", stats, StringComparison.Ordinal);
        Assert.Contains("Strongest **caching** · weakest **databases**", stats, StringComparison.Ordinal);
        Assert.Contains("caching   ██████████ 100%", stats, StringComparison.Ordinal);
        Assert.Contains("databases ███░░░░░░░ 25%", stats, StringComparison.Ordinal);
        Assert.Contains("Last 8 weeks", stats, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"`{TextCharts.Sparkline(ExpectedWeeks(now))}`"), stats, StringComparison.Ordinal);
    }

    private static int[] ExpectedWeeks(DateTimeOffset now)
    {
        var counts = new int[8];
        counts[7] = 1;
        counts[ActivityWeeks.Count([now.AddDays(-14)], now, TimeZoneInfo.Utc).ToList().IndexOf(1)] = 1;
        return counts;
    }
}
