using InterviewBot.Discord.Gateway;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Reliability;

/// <summary>Answers written while the bot was down or disconnected are read back through REST and reconciled.</summary>
public sealed class BackfillTests
{
    [Fact]
    public async Task Backfill_AnswersWrittenEditedAndDeletedWhileTheBotWasDown_AreReconciledAtStartUp()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var kept = await bot.Member("alice").PostsAsync(thread.Id, "alice before the outage");
        var removed = await bot.Member("bob").PostsAsync(thread.Id, "bob before the outage");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);

        await bot.Host.StopAsync();
        await bot.Member("alice").EditsAsync(kept.Id, "alice, edited during the outage");
        await bot.Member("bob").DeletesAsync(removed.Id);
        for (var i = 0; i < 130; i++) // more than one page of 100
        {
            await bot.Member("carol").PostsAsync(thread.Id, $"carol during the outage {i}");
        }

        await bot.RestartAsync();
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var answers = bot.Service<IAnswerStore>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // Back-fill stores every page first and judges deletions after the last one: wait for both.
        while ((await answers.FindAsync(prompt.PromptId, bot.Member("carol").Id, cts.Token))?.Parts.Count != 130
            || (await answers.FindAsync(prompt.PromptId, bot.Member("bob").Id, cts.Token))?.HasContent != false)
        {
            await Task.Delay(50, cts.Token);
        }

        Assert.Equal("alice, edited during the outage", (await answers.FindAsync(prompt.PromptId, bot.Member("alice").Id, CancellationToken.None))!.Content);
        Assert.False((await answers.FindAsync(prompt.PromptId, bot.Member("bob").Id, CancellationToken.None))!.HasContent);
        var carol = (await answers.FindAsync(prompt.PromptId, bot.Member("carol").Id, CancellationToken.None))!;
        Assert.Equal(Enumerable.Range(0, 130).Select(i => $"carol during the outage {i}"), carol.Parts.Select(p => p.Content));
    }

    [Fact]
    public async Task Backfill_AnswersWrittenDuringANewSessionReconnect_AreStored()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var gateway = bot.Service<IDiscordGateway>();

        // op 9 (not resumable): the bot waits 1-5 s before identifying again; what is posted meanwhile never arrives as an event.
        bot.Discord.Faults.SendInvalidSession(resumable: false);
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (gateway.State == GatewayState.Ready)
            {
                await Task.Delay(10, cts.Token);
            }
        }

        await bot.Member("dave").PostsAsync(thread.Id, "dave while the bot had no session");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);

        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        Assert.Equal("dave while the bot had no session", (await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, bot.Member("dave").Id, CancellationToken.None))!.Content);
    }
}
