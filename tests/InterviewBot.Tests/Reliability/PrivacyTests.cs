using System.Globalization;
using System.Text;
using InterviewBot.Core.Repetition;
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

    [Fact]
    public async Task PrivacyDelete_Confirmed_TextIsGoneFromTheDatabaseFiles_AndEveryMemberTableIsEmptied()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var answerMarker = $"answer-marker-{Guid.NewGuid():N}";
        var interviewMarker = $"interview-marker-{Guid.NewGuid():N}";
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        await alice.PostsAsync(thread.Id, $"alice says {answerMarker}");
        await bot.Member("bob").PostsAsync(thread.Id, "bob's answer stays");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 2);
        await SeedEveryOtherMemberTableAsync(bot, alice.Id, interviewMarker);

        var before = await bot.Service<IMemberDataStore>().ExportAsync(bot.Guild.Id, alice.Id, CancellationToken.None);
        Assert.Single(before.Answers);
        Assert.Equal(interviewMarker, Assert.Single(before.InterviewQuestions).AnswerText);
        Assert.Single(before.RepetitionReviews);
        Assert.Equal("Europe/Berlin", before.Settings?.TimeZone);
        Assert.Single(before.StreakRestores);
        Assert.NotNull(before.ReminderDelivery);
        var database = bot.Service<SqliteConnectionFactory>().DatabasePath;
        Assert.True(DatabaseFilesContain(database, answerMarker), "the answer text was written to the database files");
        Assert.True(DatabaseFilesContain(database, interviewMarker), "the interview answer was written to the database files");

        var delete = await alice.RunsCommandAsync("privacy delete");
        await delete.WaitForResponseAsync();
        var ephemeral = delete.OriginalMessage!;
        await (await alice.ClicksButtonAsync(ephemeral.Id, $"privacy:delete:{alice.Id.ToString(CultureInfo.InvariantCulture)}")).WaitForResponseAsync();
        await bot.Discord.WaitForMessageAsync(m => m.Id == ephemeral.Id && m.Content.StartsWith("Deleted:", StringComparison.Ordinal));

        await AssertNothingOfAliceAsync(bot, alice.Id);
        Assert.False(DatabaseFilesContain(database, answerMarker), "the answer text lingers in the database or WAL file");
        Assert.False(DatabaseFilesContain(database, interviewMarker), "the interview answer lingers in the database or WAL file");
        Assert.Equal(0, new FileInfo(database + "-wal").Length);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        Assert.Equal("bob's answer stays", (await bot.Service<IAnswerStore>().FindAsync(prompt.PromptId, bot.Member("bob").Id, CancellationToken.None))!.Content);
    }

    /// <summary>A row in every member-keyed table the /ask flow does not fill: settings, streak restores, an interview, a recall grade, a reminder.</summary>
    private static async Task SeedEveryOtherMemberTableAsync(BotUnderTest bot, ulong userId, string interviewAnswer)
    {
        var now = bot.Time.GetUtcNow();
        var guildId = bot.Guild.Id;
        await bot.Service<IMemberSettingsStore>().UpdateAsync(guildId, userId, s => s with { TimeZone = "Europe/Berlin", RemindersEnabled = true, ReminderHour = 8 }, CancellationToken.None);
        await bot.Service<IStreakRestoreStore>().AddAsync(guildId, userId, [DateOnly.FromDateTime(now.UtcDateTime)], bot.Member("mod").Id, now, CancellationToken.None);
        await bot.Service<IReminderDeliveryStore>().TryClaimDayAsync(userId, DateOnly.FromDateTime(now.UtcDateTime), now, CancellationToken.None);
        var reviewId = await bot.Service<IRepetitionReviewStore>().AddAsync(guildId, userId, "q", null, RecallGrade.Good, now, CancellationToken.None);
        var session = (await bot.Service<IInterviewSessionStore>().TryStartAsync(guildId, userId, bot.Channel.Id, ["q"], now, CancellationToken.None))!;
        var progress = bot.Service<IInterviewProgressStore>();
        await progress.RecordAskedAsync(
            new InterviewQuestion { SessionId = session.SessionId, QuestionIndex = 0, QuestionId = "q", MessageId = 1, AskedAt = now, DeadlineAt = now.AddMinutes(5) },
            CancellationToken.None);
        await progress.RecordResultAsync(session.SessionId, 0, new InterviewResult(InterviewQuestionOutcome.Answered, now, interviewAnswer, ["ttl"], 1, 3, reviewId), CancellationToken.None);
    }

    /// <summary>Greps the raw bytes of the database and its WAL (opened as SQLite lets other readers open them).</summary>
    private static bool DatabaseFilesContain(string databasePath, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        foreach (var file in new[] { databasePath, databasePath + "-wal" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
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
        Assert.Empty(left.InterviewQuestions);
        Assert.Empty(left.RepetitionStates);
        Assert.Empty(left.RepetitionReviews);
        Assert.Null(left.Settings);
        Assert.Empty(left.StreakRestores);
        Assert.Null(left.ReminderDelivery);
        Assert.Empty(left.Suggestions);
        Assert.Empty(left.PromptsAsked);
        var stats = await bot.Service<IStatsStore>().GetMemberStatsAsync(bot.Guild.Id, aliceId, CancellationToken.None);
        Assert.Equal(0, stats.Answers);
        Assert.Equal(0, stats.ReviewsGiven);
    }
}
