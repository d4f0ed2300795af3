using System.Globalization;
using DiscordEmulator.Scripting;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Reliability;

/// <summary>Interactions are acknowledged within Discord's deadline even while the database cannot be written.</summary>
public sealed class SlowDatabaseTests
{
    /// <summary>
    /// Another process (here a second connection) holds the database's write lock. A slash command (/ask), a button
    /// (Reveal) and a modal submit that writes before it replies (a private answer) are all acknowledged while the lock
    /// is still held, and none of their writes has happened yet: ordering, not durations. Released, each finishes.
    /// </summary>
    [Fact]
    public async Task Interactions_WhileAnotherProcessHoldsTheWriteLock_AreAcknowledgedBeforeTheirWrites()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, toReveal, revealThread) = await RevealTests.AskAsync(bot, "alice");
        var (_, toAnswer, _) = await RevealTests.AskAsync(bot, "alice");
        var prompts = bot.Service<IPromptStore>();
        var answered = (await prompts.FindByMessageAsync(toAnswer.Id, CancellationToken.None))!;
        var revealed = (await prompts.FindByMessageAsync(toReveal.Id, CancellationToken.None))!;
        var bob = bot.Member("bob");
        Assert.Equal(9, (await (await bob.ClicksButtonAsync(toAnswer.Id, "prompt:private")).WaitForResponseAsync()).Type);
        var promptsBefore = bot.Discord.Messages(bot.Channel.Id).Count(m => m.Embeds.Count > 0);
        InteractionHandle ask, reveal, submit;

        await using (var locker = new SqliteConnection($"Data Source={bot.Service<SqliteConnectionFactory>().DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            using var hold = locker.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock

            ask = await bot.Member("carol").RunsCommandAsync("ask");
            reveal = await bot.Member("alice").ClicksButtonAsync(toReveal.Id, "prompt:reveal");
            submit = await bob.SubmitsModalAsync($"prompt:submit:{answered.PromptId.ToString(CultureInfo.InvariantCulture)}", ("answer", "bob's private answer"));
            var acks = await Task.WhenAll(ask.WaitForResponseAsync(TimeSpan.FromSeconds(20)), reveal.WaitForResponseAsync(TimeSpan.FromSeconds(20)), submit.WaitForResponseAsync(TimeSpan.FromSeconds(20)));

            // Still locked: none of the three has written anything, yet each was acknowledged (a deferral, ephemeral).
            Assert.All(acks, a => Assert.Equal(5, a.Type));
            Assert.All(acks, a => Assert.True(a.Ephemeral));
            Assert.Null(await bot.Service<IAnswerStore>().FindAsync(answered.PromptId, bob.Id, CancellationToken.None));
            Assert.Null((await prompts.GetAsync(revealed.PromptId, CancellationToken.None))!.RevealingAt);
            Assert.Equal(2, (await prompts.ListOpenAsync(CancellationToken.None)).Count);
            hold.Rollback();
        }

        // Released: every interaction finishes its work and its reply replaces the deferral.
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await submit.WaitForMessageAsync(m => m.Content.Contains("Saved your private answer", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("bob's private answer", (await bot.Service<IAnswerStore>().FindAsync(answered.PromptId, bob.Id, CancellationToken.None))!.Content);
        Assert.NotNull((await prompts.GetAsync(revealed.PromptId, CancellationToken.None))!.RevealedAt);
        Assert.Equal(promptsBefore + 1, bot.Discord.Messages(bot.Channel.Id).Count(m => m.Embeds.Count > 0));
        Assert.Contains(bot.Discord.Messages(revealThread.Id), m => m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal));
    }
}
