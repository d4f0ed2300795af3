using System.Globalization;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Archive;

/// <summary>/archive list and /archive show, end to end.</summary>
public sealed class ArchiveTests
{
    [Fact]
    public async Task Archive_ListsPastPromptsWithThreadLinksAndAnswerCounts_FilteredByCategoryAndMonth()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (caching, _, cachingThread) = await RevealTests.AskAsync(bot, "alice", ("category", "caching"));
        var (_, _, databasesThread) = await RevealTests.AskAsync(bot, "bob", ("category", "databases"));
        await bot.Member("carol").PostsAsync(cachingThread.Id, caching.Answer);
        await bot.Member("dave").PostsAsync(cachingThread.Id, "A cache keeps hot data close to the reader.");
        var cachingPrompt = (await bot.Service<IPromptStore>().FindByThreadAsync(cachingThread.Id, CancellationToken.None))!;
        await WaitForAnswerCountAsync(bot, cachingPrompt.PromptId, 2);

        var all = await ListAsync(bot);
        Assert.Contains($"https://discord.com/channels/{bot.Guild.Id}/{cachingThread.Id}", all, StringComparison.Ordinal);
        Assert.Contains($"https://discord.com/channels/{bot.Guild.Id}/{databasesThread.Id}", all, StringComparison.Ordinal);
        Assert.Contains($"**#{cachingPrompt.PromptId}**", all, StringComparison.Ordinal);
        Assert.Contains("2 answers", all, StringComparison.Ordinal);
        Assert.Contains("0 answers", all, StringComparison.Ordinal);
        Assert.True(all.IndexOf(databasesThread.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            < all.IndexOf(cachingThread.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), "newest first");

        var onlyDatabases = await ListAsync(bot, ("category", "databases"));
        Assert.Contains(databasesThread.Id.ToString(CultureInfo.InvariantCulture), onlyDatabases, StringComparison.Ordinal);
        Assert.DoesNotContain(cachingThread.Id.ToString(CultureInfo.InvariantCulture), onlyDatabases, StringComparison.Ordinal);

        var thisMonth = bot.Time.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Contains(cachingThread.Id.ToString(CultureInfo.InvariantCulture), await ListAsync(bot, ("month", thisMonth)), StringComparison.Ordinal);
        var run = await bot.Member("alice").RunsCommandAsync("archive list", ("month", "2001-01"));
        Assert.Contains("No past questions match 2001-01", (await run.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
        var bad = await bot.Member("alice").RunsCommandAsync("archive list", ("month", "11/2026"));
        Assert.Contains("YYYY-MM", (await bad.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveShow_BeforeTheReveal_HidesTheAnswer_AfterIt_ShowsTheReferenceAnswerAndTopScoredAnswersFirst()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (question, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var carol = bot.Member("carol");
        var dave = bot.Member("dave");
        await dave.PostsAsync(thread.Id, question.KeyPoints[0].Phrases[0]);
        await carol.PostsAsync(thread.Id, question.Answer);
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;

        var early = await ShowAsync(bot, prompt.PromptId);
        Assert.Contains("still open", early.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Reference answer", early.EmbedText, StringComparison.Ordinal);

        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        var shown = await ShowAsync(bot, prompt.PromptId);
        Assert.True(shown.Ephemeral);
        Assert.Contains("Reference answer", shown.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Top 2 of 2 answers", shown.EmbedText, StringComparison.Ordinal);
        Assert.Contains("score 100", shown.EmbedText, StringComparison.Ordinal);
        Assert.True(shown.EmbedText.IndexOf($"<@{carol.Id}>", StringComparison.Ordinal) < shown.EmbedText.IndexOf($"<@{dave.Id}>", StringComparison.Ordinal));
        Assert.Empty(shown.PingedUserIds);

        var unknown = await bot.Member("bob").RunsCommandAsync("archive show", ("prompt", 999_999));
        Assert.Contains("no past question #999999", (await unknown.WaitForMessageAsync(m => m.Content.Length > 0)).Content, StringComparison.Ordinal);
    }

    private static async Task<string> ListAsync(BotUnderTest bot, params (string Name, object? Value)[] options)
    {
        var run = await bot.Member("bob").RunsCommandAsync("archive list", options);
        var reply = await run.WaitForMessageAsync(m => m.Embeds.Count > 0);
        Assert.True(reply.Ephemeral);
        return reply.EmbedText;
    }

    private static async Task<DiscordEmulator.State.EmulatedMessage> ShowAsync(BotUnderTest bot, long promptId)
    {
        var run = await bot.Member("bob").RunsCommandAsync("archive show", ("prompt", promptId));
        return await run.WaitForMessageAsync(m => m.Embeds.Count > 0);
    }

    private static async Task WaitForAnswerCountAsync(BotUnderTest bot, long promptId, int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await bot.Service<IAnswerStore>().ListForPromptAsync(promptId, cts.Token)).Count != count)
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
