using System.Globalization;
using DiscordEmulator.State;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Tests.Interview;

/// <summary>/interview end to end against the emulator: start, answer, Done, Skip, Stop, deadlines, summary, restart.</summary>
public sealed class InterviewTests
{
    [Fact]
    public async Task Interview_AnswerDoneSkipStop_SummaryShowsEachQuestion()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "alice", ("questions", 3L), ("track", "databases"));

        var thread = bot.Discord.Threads.Single(t => t.Id == interview.ThreadId);
        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        var first = await interview.WaitForQuestionAsync(0);
        Assert.Matches(@"<t:\d+:R>", first.EmbedText);
        Assert.Equal(3, interview.Session.QuestionIds.Count);
        Assert.All(interview.Session.QuestionIds, id => Assert.True(bot.Service<QuestionBank>().Find(id)!.Category is "databases" or "caching"));

        // Answer in two messages, then Done.
        var question = interview.QuestionAt(0);
        var cut = question.Answer.LastIndexOf(' ', question.Answer.Length / 2);
        await interview.AnswerAsync(question.Answer[..cut]);
        await interview.AnswerAsync(question.Answer[cut..]);
        await interview.PressAsync(0, "done");
        var feedback = await interview.WaitForFeedbackAsync(0);
        var total = question.KeyPoints.Count;
        Assert.Contains($"You covered {total}/{total}", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Reference answer", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Contains(feedback.CustomIds, id => id.StartsWith("recall:grade:", StringComparison.Ordinal));

        // The question was scored into spaced repetition (full coverage: Easy, one day).
        var state = await bot.Service<ISpacedRepetitionStore>().GetAsync(bot.Guild.Id, bot.Member("alice").Id, question.Id, CancellationToken.None);
        Assert.Equal(1, state!.IntervalDays);

        await interview.PressAsync(1, "skip");
        await interview.WaitForQuestionAsync(2);
        await interview.PressAsync(2, "stop");
        var summary = await interview.WaitForSummaryAsync();

        Assert.Contains($"{total}/{total} key points (100 %)", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("skipped", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("stopped", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Overall score: 100 %", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Suggested next: `/interview start track:", summary.EmbedText, StringComparison.Ordinal);
        Assert.Equal(InterviewSessionStatus.Abandoned, (await interview.ReloadAsync())!.Status);
        Assert.All(interview.BotMessages, m => Assert.Empty(m.PingedUserIds));
    }

    [Fact]
    public async Task Interview_FeedbackAtEnd_HoldsFeedbackUntilTheSummary_AndHistoryListsIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "bob", ("questions", 3L), ("feedback", "end"));

        for (var i = 0; i < 3; i++)
        {
            await interview.WaitForQuestionAsync(i);
            Assert.DoesNotContain(interview.BotMessages, m => m.EmbedText.Contains("Feedback", StringComparison.Ordinal));

            // The first answer is off-topic: it scores nothing and becomes the weakest category.
            await interview.AnswerAsync(i == 0 ? "I would turn it off and on again." : interview.QuestionAt(i).Answer);
            await interview.PressAsync(i, "done");
        }

        var summary = await interview.WaitForSummaryAsync();
        Assert.Equal(3, interview.BotMessages.Count(m => m.EmbedText.Contains("Feedback", StringComparison.Ordinal)));
        Assert.Contains($"0/{interview.QuestionAt(0).KeyPoints.Count} key points (0 %)", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Weakest categories: " + interview.QuestionAt(0).Category, summary.EmbedText, StringComparison.Ordinal);
        Assert.Equal(InterviewSessionStatus.Finished, (await interview.ReloadAsync())!.Status);

        var history = await bot.Member("bob").RunsCommandAsync("interview history");
        var list = await history.WaitForMessageAsync(m => m.EmbedText.Contains("Your interviews", StringComparison.Ordinal));
        Assert.True(list.Ephemeral);
        Assert.Contains("3/3 answered", list.EmbedText, StringComparison.Ordinal);
        Assert.Contains("finished", list.EmbedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interview_StopCommand_PostsTheSummary_ThenThereIsNothingToStop()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "alice");
        await interview.WaitForQuestionAsync(0);

        var stop = await bot.Member("alice").RunsCommandAsync("interview stop");
        var reply = await stop.WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("Stopped", reply.Content, StringComparison.Ordinal);
        var summary = await interview.WaitForSummaryAsync();
        Assert.Contains("nothing was scored", summary.EmbedText, StringComparison.Ordinal);
        Assert.Contains("stopped early", summary.EmbedText, StringComparison.Ordinal);

        var again = await (await bot.Member("alice").RunsCommandAsync("interview stop")).WaitForResponseAsync();
        Assert.Contains("no interview running", again.Content, StringComparison.Ordinal);

        // A new interview may start once the old one ended.
        var next = await InterviewDriver.StartAsync(bot, "alice");
        Assert.NotEqual(interview.Session.SessionId, next.Session.SessionId);
    }

    [Fact]
    public async Task Interview_SecondStart_IsRefusedWithALinkToTheRunningOne()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "alice");

        var again = await bot.Member("alice").RunsCommandAsync("interview start");
        var refusal = await again.WaitForMessageAsync(m => m.Content.Length > 0);

        Assert.True(refusal.Ephemeral);
        Assert.Contains("already have an interview running", refusal.Content, StringComparison.Ordinal);
        Assert.Contains($"<#{interview.ThreadId}>", refusal.Content, StringComparison.Ordinal);
        Assert.Single(bot.Discord.Threads);
    }

    [Fact]
    public async Task Interview_OtherMembersButtons_AndDoneWithoutAnAnswer_AreRefused()
    {
        await using var bot = await BotUnderTest.StartAsync();
        bot.Guild.AllowPrivateThreads = false;
        var interview = await InterviewDriver.StartAsync(bot, "alice");
        Assert.Equal(ChannelType.PublicThread, bot.Discord.Threads.Single().Type);
        Assert.Contains(interview.BotMessages, m => m.Content.Contains("does not allow private threads", StringComparison.Ordinal));

        var bobs = await interview.PressAsync(0, "done", bot.Member("bob"));
        Assert.Contains("'s interview", (await bobs.WaitForResponseAsync()).Content, StringComparison.Ordinal);

        var empty = await interview.PressAsync(0, "done");
        var reply = await empty.WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("Nothing to score yet", reply.Content, StringComparison.Ordinal);
        Assert.Equal(0, (await interview.ReloadAsync())!.CurrentIndex);
    }

    [Fact]
    public async Task Interview_DeadlinePasses_ScoresWhatWasWrittenAndAsksTheNext()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotUnderTest.StartAsync(time);
        var interview = await InterviewDriver.StartAsync(bot, "carol", ("questions", 3L), ("minutes", 2L));
        await interview.WaitForQuestionAsync(0);
        var question = interview.QuestionAt(0);
        await interview.AnswerAsync(question.KeyPoints[0].Phrases[0]);

        time.Advance(TimeSpan.FromMinutes(3));
        var feedback = await interview.WaitForFeedbackAsync(0);
        await interview.WaitForQuestionAsync(1);

        Assert.Contains($"You covered 1/{question.KeyPoints.Count}", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Contains("time ran out", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Contains("2m 00s", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Equal(1, (await interview.ReloadAsync())!.CurrentIndex);
    }

    [Fact]
    public async Task Interview_RestartMidQuestion_AnswerPostedWhileDownIsScored()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "dave", ("questions", 3L));
        await interview.WaitForQuestionAsync(0);
        var question = interview.QuestionAt(0);

        await bot.Host.StopAsync();
        await interview.AnswerAsync(question.Answer);
        await bot.RestartAsync();

        await interview.PressAsync(0, "done");
        var feedback = await interview.WaitForFeedbackAsync(0);
        await interview.WaitForQuestionAsync(1);

        var total = question.KeyPoints.Count;
        Assert.Contains($"You covered {total}/{total}", feedback.EmbedText, StringComparison.Ordinal);
        Assert.Single(interview.BotMessages, m => m.EmbedText.Contains("Question 1/3:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interview_RestartAfterTheDeadline_PersistentTriggerEndsTheQuestionOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotUnderTest.StartAsync(time);
        var interview = await InterviewDriver.StartAsync(bot, "alice", ("questions", 3L), ("minutes", 1L));
        await interview.WaitForQuestionAsync(0);
        await interview.AnswerAsync(interview.QuestionAt(0).Answer);

        await bot.Host.StopAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        await bot.RestartAsync();

        await interview.WaitForFeedbackAsync(0);
        await interview.WaitForQuestionAsync(1);
        await Task.Delay(500);
        Assert.Single(interview.BotMessages, m => m.EmbedText.Contains("Feedback 1/3:", StringComparison.Ordinal));
        Assert.Equal(1, (await interview.ReloadAsync())!.CurrentIndex);
    }

    [Fact]
    public async Task Interview_RecallButton_ReplacesTheAutomaticGrade()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var interview = await InterviewDriver.StartAsync(bot, "alice", ("questions", 3L));
        var question = interview.QuestionAt(0);
        await interview.WaitForQuestionAsync(0);
        await interview.AnswerAsync(question.Answer);
        await interview.PressAsync(0, "done");
        var feedback = await interview.WaitForFeedbackAsync(0);
        var again = feedback.CustomIds.Single(id => id.StartsWith("recall:grade:", StringComparison.Ordinal) && id.EndsWith(":1", StringComparison.Ordinal));

        var mods = await bot.Member("mod").ClicksButtonAsync(feedback.Id, again);
        Assert.Contains("someone else's answer", (await mods.WaitForResponseAsync()).Content, StringComparison.Ordinal);

        var click = await bot.Member("alice").ClicksButtonAsync(feedback.Id, again);
        var reply = await click.WaitForResponseAsync();
        Assert.True(reply.Ephemeral);
        Assert.Contains("Recorded **Again**", reply.Content, StringComparison.Ordinal);

        var state = await bot.Service<ISpacedRepetitionStore>().GetAsync(bot.Guild.Id, bot.Member("alice").Id, question.Id, CancellationToken.None);
        var expected = Sm2Scheduler.Review(RepetitionState.New(state!.LastReviewedAt!.Value), RecallGrade.Again, state.LastReviewedAt.Value);
        Assert.Equal(expected, state);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{RepetitionState.InitialEase - 0.54:0.00}"), state.EaseFactor.ToString("0.00", CultureInfo.InvariantCulture));
    }
}
