using System.Globalization;
using InterviewBot.Features.Privacy;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Reliability;

/// <summary>/privacy export and /privacy delete, end to end: the real host against the Discord emulator.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task PrivacyExport_MemberWithAnAnswer_GetsAJsonFileWithTheirDataOnly()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        await bot.Member("alice").PostsAsync(thread.Id, "alice: a cache keeps hot data close; TTL and eviction");
        await bot.Member("bob").PostsAsync(thread.Id, "bob: no idea");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);

        var export = await bot.Member("alice").RunsCommandAsync("privacy export");
        var response = await export.WaitForResponseAsync();
        var reply = await export.WaitForMessageAsync(m => m.Attachments.Count > 0);

        Assert.Equal(5, response.Type); // deferred first: the export reads the whole database
        Assert.True(reply.Ephemeral);
        var file = Assert.Single(reply.Attachments)!;
        Assert.Equal(PrivacyExport.FileName, file["filename"]!.GetValue<string>());
        Assert.Equal("application/json", file["content_type"]!.GetValue<string>());
        Assert.Contains("1 answer(s)", reply.Content, StringComparison.Ordinal);

        // The emulator keeps the file's size, not its bytes: rebuild the document and check it round-trips and is alice's only.
        var data = await bot.Service<IMemberDataStore>().ExportAsync(bot.Guild.Id, bot.Member("alice").Id, CancellationToken.None);
        var stats = await bot.Service<IStatsStore>().GetMemberStatsAsync(bot.Guild.Id, bot.Member("alice").Id, CancellationToken.None);
        var json = PrivacyExport.ToJson(new PrivacyExportDocument { ExportedAt = DateTimeOffset.UnixEpoch, Data = data, Stats = stats });
        var text = System.Text.Encoding.UTF8.GetString(json);
        Assert.Contains("alice: a cache keeps hot data close", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob: no idea", text, StringComparison.Ordinal);
        Assert.Contains($"\"user_id\": \"{bot.Member("alice").Id.ToString(CultureInfo.InvariantCulture)}\"", text, StringComparison.Ordinal);
        var back = PrivacyExport.FromJson(json)!;
        Assert.Equal(data.Answers.Single().Content, back.Data.Answers.Single().Content);
        Assert.InRange(long.Parse(file["size"]!.ToJsonString(), CultureInfo.InvariantCulture), json.Length - 200, json.Length + 200); // exported_at differs
    }

    [Fact]
    public async Task PrivacyDelete_Confirmed_ErasesTheirAnswers_KeepsOthers_AndBackfillAfterRestartDoesNotBringThemBack()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        await alice.PostsAsync(thread.Id, "alice's first answer");
        await alice.PostsAsync(thread.Id, "alice's second part");
        await bot.Member("bob").PostsAsync(thread.Id, "bob's answer");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);

        var delete = await alice.RunsCommandAsync("privacy delete");
        var confirmation = await delete.WaitForResponseAsync();
        Assert.True(confirmation.Ephemeral);
        Assert.Contains("cannot be undone", confirmation.Content, StringComparison.Ordinal);
        var ephemeral = delete.OriginalMessage!;
        var confirmId = $"privacy:delete:{alice.Id.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains(confirmId, ephemeral.CustomIds);

        var click = await alice.ClicksButtonAsync(ephemeral.Id, confirmId);
        await click.WaitForResponseAsync();
        var done = await bot.Discord.WaitForMessageAsync(m => m.Id == ephemeral.Id && m.Content.StartsWith("Deleted: 1 answer(s)", StringComparison.Ordinal));
        Assert.Contains("Kept:", done.Content, StringComparison.Ordinal);
        Assert.Empty(done.CustomIds);

        await AssertNothingOfAliceAsync(bot, alice.Id);

        // Her messages are still in the thread: a restart back-fills the whole thread, and must not store them again.
        await bot.RestartAsync();
        await bot.Member("bob").PostsAsync(thread.Id, "bob again, after the restart");
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!(await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, bot.Member("bob").Id, cts.Token))!.Content.Contains("after the restart", StringComparison.Ordinal))
            {
                await Task.Delay(20, cts.Token);
            }
        }

        await AssertNothingOfAliceAsync(bot, alice.Id);
        Assert.NotNull(await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, bot.Member("bob").Id, CancellationToken.None));

        // A message she writes after the deletion is a new answer.
        await alice.PostsAsync(thread.Id, "alice, answering again");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);
        var again = (await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, alice.Id, CancellationToken.None))!;
        Assert.Equal("alice, answering again", again.Content);
    }

    [Fact]
    public async Task PrivacyDelete_Cancelled_DeletesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        await alice.PostsAsync(thread.Id, "alice's answer");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);

        var delete = await alice.RunsCommandAsync("privacy delete");
        await delete.WaitForResponseAsync();
        var cancel = await alice.ClicksButtonAsync(delete.OriginalMessage!.Id, $"privacy:cancel:{alice.Id.ToString(CultureInfo.InvariantCulture)}");
        var response = await cancel.WaitForResponseAsync();

        Assert.Equal(7, response.Type); // the confirmation is replaced
        Assert.Equal("Nothing was deleted.", response.Content);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        Assert.Equal("alice's answer", (await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, alice.Id, CancellationToken.None))!.Content);
    }

    // Someone else's confirmation button (forged or replayed custom_id) is in the hostile corpus: Corpus/forged-interactions.json.

    private static async Task AssertNothingOfAliceAsync(BotUnderTest bot, ulong aliceId)
    {
        var left = await bot.Service<IMemberDataStore>().ExportAsync(bot.Guild.Id, aliceId, CancellationToken.None);
        Assert.Empty(left.Answers);
        Assert.Empty(left.ReviewsGiven);
        Assert.Empty(left.ReviewsReceived);
        Assert.Empty(left.HelpfulVotesGiven);
        Assert.Empty(left.InterviewSessions);
        Assert.Empty(left.RepetitionStates);
        Assert.Empty(left.Suggestions);
        Assert.Empty(left.PromptsAsked);
        var stats = await bot.Service<IStatsStore>().GetMemberStatsAsync(bot.Guild.Id, aliceId, CancellationToken.None);
        Assert.Equal(0, stats.Answers);
        Assert.Equal(0, stats.ReviewsGiven);
    }
}
