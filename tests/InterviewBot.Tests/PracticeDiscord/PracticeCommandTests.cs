using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.PracticeDiscord;

/// <summary>/practice next and /practice due end to end, and the recall buttons under a reveal.</summary>
public sealed class PracticeCommandTests
{
    [Fact]
    public async Task Practice_MostOverdueFirst_ThenTheNextDue_ThenANewQuestion()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var bank = bot.Service<QuestionBank>();
        var (older, newer, notDue) = (bank.Questions[0], bank.Questions[1], bank.Questions[2]);
        var now = DateTimeOffset.UtcNow;
        var states = bot.Service<ISpacedRepetitionStore>();
        await states.SaveAsync(bot.Guild.Id, alice.Id, newer.Id, new RepetitionState(2.5, 1, 1, 0, now.AddDays(-1), now.AddDays(-2)), CancellationToken.None);
        await states.SaveAsync(bot.Guild.Id, alice.Id, older.Id, new RepetitionState(2.5, 1, 1, 0, now.AddDays(-3), now.AddDays(-4)), CancellationToken.None);
        await states.SaveAsync(bot.Guild.Id, alice.Id, notDue.Id, new RepetitionState(2.5, 6, 2, 0, now.AddDays(2), now.AddDays(-4)), CancellationToken.None);

        var first = await NextAsync(bot);
        Assert.Contains($"Question {older.Id}\n", first.EmbedText + "\n", StringComparison.Ordinal);
        Assert.Contains("Due for review", first.EmbedText, StringComparison.Ordinal);
        Assert.True(first.Ephemeral);

        // Answer it through the modal: scored, graded, no longer due.
        var open = await alice.ClicksButtonAsync(first.Id, $"practice:answer:{older.Id}");
        Assert.Equal(9, (await open.WaitForResponseAsync()).Type);
        var submit = await alice.SubmitsModalAsync($"practice:submit:{older.Id}", ("answer", older.Answer));
        var result = await submit.WaitForResponseAsync();
        Assert.True(result.Ephemeral);
        var total = older.KeyPoints.Count;
        Assert.Contains($"You covered {total}/{total}", result.Data!.ToJsonString(), StringComparison.Ordinal);
        Assert.True((await states.GetAsync(bot.Guild.Id, alice.Id, older.Id, CancellationToken.None))!.DueAt > DateTimeOffset.UtcNow);

        var second = await NextAsync(bot);
        Assert.Contains($"Question {newer.Id}\n", second.EmbedText + "\n", StringComparison.Ordinal);
        await (await alice.ClicksButtonAsync(second.Id, $"practice:answer:{newer.Id}")).WaitForResponseAsync();
        await (await alice.SubmitsModalAsync($"practice:submit:{newer.Id}", ("answer", newer.Answer))).WaitForResponseAsync();

        var third = await NextAsync(bot);
        Assert.Contains("A question you have not answered yet", third.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain($"Question {notDue.Id}\n", third.EmbedText + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PracticeDue_CountsOnlyQuestionsDueToday()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var bank = bot.Service<QuestionBank>();
        var states = bot.Service<ISpacedRepetitionStore>();
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset[] dues = [now.AddHours(-1), now.AddDays(-2), now.AddDays(3)];
        for (var i = 0; i < dues.Length; i++)
        {
            await states.SaveAsync(bot.Guild.Id, alice.Id, bank.Questions[i].Id, new RepetitionState(2.5, 1, 1, 0, dues[i], now.AddDays(-3)), CancellationToken.None);
        }

        var due = await (await alice.RunsCommandAsync("practice due")).WaitForResponseAsync();

        Assert.True(due.Ephemeral);
        Assert.Contains("**2** questions are due today (2 right now)", due.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Etc/UTC", 3)]
    [InlineData("Asia/Tokyo", 2)]
    [InlineData("America/Los_Angeles", 4)]
    public void CountDue_EndOfTheLocalDay_DependsOnTheZone(string zoneId, int dueToday)
    {
        // 10:00 UTC is 19:00 in Tokyo (its day ends at 15:00 UTC) and 03:00 in Los Angeles (its day ends at 07:00 UTC tomorrow).
        var now = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        RepetitionState[] states =
        [
            State(now.AddHours(-1)),
            State(now.AddDays(-2)),
            State(now.AddHours(10)),
            State(now.AddHours(16)),
            State(now.AddDays(2)),
        ];

        var (dueNow, today) = InterviewBot.Features.Practice.Discord.PracticeCommand.CountDue(states, now, InterviewBot.Core.Scheduling.IanaTimeZones.Parse(zoneId).Value!);

        Assert.Equal(2, dueNow);
        Assert.Equal(dueToday, today);
    }

    [Fact]
    public async Task Reveal_RateYourRecall_ShowsOwnResult_AndTheButtonReplacesTheGrade()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (question, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var bob = bot.Member("bob");
        await bob.PostsAsync(thread.Id, question.Answer);
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);
        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));
        var coverage = bot.Discord.Messages(thread.Id).Last(m => m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal));
        var rate = Assert.Single(coverage.CustomIds, id => id.StartsWith("recall:mine:", StringComparison.Ordinal));

        var carols = await (await bot.Member("carol").ClicksButtonAsync(coverage.Id, rate)).WaitForResponseAsync();
        Assert.Contains("did not answer", carols.Content, StringComparison.Ordinal);

        var mine = await bob.ClicksButtonAsync(coverage.Id, rate);
        var bobsMessage = await mine.WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.True(bobsMessage.Ephemeral);
        Assert.Contains("graded **Easy**", bobsMessage.Content, StringComparison.Ordinal);
        var hard = Assert.Single(bobsMessage.CustomIds, id => id.StartsWith("recall:grade:", StringComparison.Ordinal) && id.EndsWith(":2", StringComparison.Ordinal));
        var press = await (await bob.ClicksButtonAsync(bobsMessage.Id, hard)).WaitForResponseAsync();
        Assert.Contains("Recorded **Hard**", press.Content, StringComparison.Ordinal);

        var state = await bot.Service<ISpacedRepetitionStore>().GetAsync(bot.Guild.Id, bob.Id, question.Id, CancellationToken.None);
        Assert.Equal(Sm2Scheduler.Review(RepetitionState.New(state!.LastReviewedAt!.Value), RecallGrade.Hard, state.LastReviewedAt.Value), state);
    }

    private static RepetitionState State(DateTimeOffset due) => new(2.5, 1, 1, 0, due, due.AddDays(-1));

    private static async Task<DiscordEmulator.State.EmulatedMessage> NextAsync(BotUnderTest bot)
    {
        var command = await bot.Member("alice").RunsCommandAsync("practice next");
        return await command.WaitForMessageAsync(m => m.Embeds.Count > 0 || m.Content.Length > 0);
    }
}
