using System.Globalization;
using DiscordEmulator.State;
using InterviewBot.Core.Questions;
using InterviewBot.Features.Reveal;
using InterviewBot.Storage;

namespace InterviewBot.Tests.EndToEnd;

/// <summary>Answers collected from a question's thread and the reveal, end to end.</summary>
public sealed class RevealTests
{
    [Fact]
    public async Task Ask_ThreeMembersAnswer_RevealShowsEachCoverage()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (question, message, thread) = await AskAsync(bot, "alice");
        var alice = bot.Member("alice");
        var bob = bot.Member("bob");
        var carol = bot.Member("carol");
        var dave = bot.Member("dave");

        // alice answers with the reference answer in two messages; bob answers off-topic then edits it into a full answer;
        // carol's only message is deleted; dave answers with the first key point's phrase only.
        var half = question.Answer.Length / 2;
        var cut = question.Answer.LastIndexOf(' ', half);
        await alice.PostsAsync(thread.Id, question.Answer[..cut]);
        await alice.PostsAsync(thread.Id, question.Answer[cut..]);
        var bobs = await bob.PostsAsync(thread.Id, "I would reboot the server.");
        await bob.EditsAsync(bobs.Id, question.Answer);
        var carols = await carol.PostsAsync(thread.Id, question.Answer);
        await carol.DeletesAsync(carols.Id);
        await dave.PostsAsync(thread.Id, question.KeyPoints[0].Phrases[0]);
        await WaitForAnswersAsync(bot, message.Id, expectedMembers: 3);

        var reveal = await alice.ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        var posts = bot.Discord.Messages(thread.Id).Where(m => m.Author.IsBot).ToList();
        var coverage = string.Join('\n', posts.Select(p => p.EmbedText));
        var total = question.KeyPoints.Count;
        Assert.Contains($"<@{alice.Id}> {total}/{total}", coverage, StringComparison.Ordinal);
        Assert.Contains($"<@{bob.Id}> {total}/{total}", coverage, StringComparison.Ordinal);
        Assert.Contains($"<@{dave.Id}> 1/{total} ✅ {question.KeyPoints[0].Label} ❌", coverage, StringComparison.Ordinal);
        Assert.DoesNotContain($"<@{carol.Id}>", coverage, StringComparison.Ordinal);
        Assert.Contains("Reference answer", coverage, StringComparison.Ordinal);
        Assert.All(posts, p => Assert.Empty(p.PingedUserIds));
        Assert.All(posts, p => Assert.False(p.PingedEveryone));

        // The question message shows it was revealed and its buttons are off.
        var edited = bot.Discord.Message(message.Id)!;
        Assert.Contains("Revealed", edited.EmbedText, StringComparison.Ordinal);
        var prompt = await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None);
        Assert.NotNull(prompt!.RevealedAt);

        // First message of each answer got the acknowledgement reaction.
        var first = bot.Discord.Messages(thread.Id).First(m => m.Author.Id == alice.Id);
        Assert.Contains(first.ReactionsOf("✅"), id => id != alice.Id);
    }

    [Fact]
    public async Task AnswerAfterTheReveal_IsKeptAndMarkedLate_AndBotMessagesAreNotAnswers()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (question, message, thread) = await AskAsync(bot, "alice");
        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        await bot.Member("carol").PostsAsync(thread.Id, question.Answer);
        await WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);

        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var answer = Assert.Single(await bot.Service<IAnswerStore>().ListForPromptAsync(prompt.PromptId, CancellationToken.None));
        Assert.Equal(bot.Member("carol").Id, answer.UserId);
        Assert.True(answer.IsLate);
        Assert.Null(answer.KeyPointCount);
    }

    [Fact]
    public async Task Reveal_ByMemberWithoutRights_IsRefusedEphemerally()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, thread) = await AskAsync(bot, "alice");

        var click = await bot.Member("bob").ClicksButtonAsync(message.Id, "prompt:reveal");
        var response = await click.WaitForResponseAsync();

        Assert.True(response.Ephemeral);
        Assert.Contains("Only the member who asked", response.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Messages(thread.Id), m => m.Author.IsBot);
    }

    [Fact]
    public async Task Reveal_ByModeratorCommandInThread_Reveals()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, _, thread) = await AskAsync(bot, "alice");

        var command = await bot.Member("mod").RunsCommandInAsync(thread.Id, "reveal");
        await command.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        Assert.Contains(bot.Discord.Messages(thread.Id), m => m.Author.IsBot && m.EmbedText.Contains("Reference answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_CommandOutsideAThread_ExplainsWhereToRunIt()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var command = await bot.Member("mod").RunsCommandAsync("reveal");
        var response = await command.WaitForResponseAsync();

        Assert.True(response.Ephemeral);
        Assert.Contains("inside the thread", response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_ButtonsAndServiceRacing_RevealExactlyOnce()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (_, message, thread) = await AskAsync(bot, "alice");
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;

        var clicks = await Task.WhenAll(
            bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal"),
            bot.Member("mod").ClicksButtonAsync(message.Id, "prompt:reveal"));
        var timer = bot.Service<RevealService>().RevealAsync(prompt.PromptId, CancellationToken.None);
        await Task.WhenAll(clicks.Select(c => c.WaitForMessageAsync(m => m.Content.Length > 0)));
        await timer;

        Assert.Single(bot.Discord.Messages(thread.Id), m => m.Author.IsBot && m.EmbedText.Contains("Reference answer", StringComparison.Ordinal) && !m.EmbedText.Contains("continued", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_AtTheRevealTime_FiresFromTheSchedulerOnce()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.Service<IGuildSettingsStore>().UpdateAsync(bot.Guild.Id, s => s with { RevealDelayMinutes = 0 }, CancellationToken.None);
        var (_, _, thread) = await AskAsync(bot, "alice");

        var reveal = await bot.Discord.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Contains("Nobody answered", reveal.EmbedText, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Single(bot.Discord.Messages(thread.Id), m => m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_After24HoursOfControlledTime_FiresOnceFromThePersistentTrigger()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await BotUnderTest.StartAsync(time: clock);
        var (question, message, thread) = await AskAsync(bot, "alice");
        await bot.Member("bob").PostsAsync(thread.Id, question.Answer);
        await WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);

        clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(1500);
        Assert.DoesNotContain(bot.Discord.Messages(thread.Id), m => m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var reveal = await bot.Discord.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Contains($"<@{bot.Member("bob").Id}> {question.KeyPoints.Count}/{question.KeyPoints.Count}", reveal.EmbedText, StringComparison.Ordinal);
        var prompts = bot.Service<IPromptStore>();
        Prompt? prompt = null;
        for (var i = 0; i < 100 && prompt?.RevealedAt is null; i++)
        {
            await Task.Delay(50);
            prompt = await prompts.FindByMessageAsync(message.Id, CancellationToken.None);
        }

        Assert.Equal(clock.GetUtcNow(), prompt!.RevealedAt);
        Assert.Single(bot.Discord.Messages(thread.Id), m => m.EmbedText.Contains("Key points and coverage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BlindMode_PrivateAnswers_LockedThread_AllAnswersPostedAtReveal()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.Service<IGuildSettingsStore>().UpdateAsync(bot.Guild.Id, s => s with { BlindMode = true }, CancellationToken.None);
        var (question, message, thread) = await AskAsync(bot, "alice");
        Assert.True(bot.Discord.Threads.Single(t => t.Id == thread.Id).Locked);

        var bob = bot.Member("bob");
        var open = await bob.ClicksButtonAsync(message.Id, "prompt:private");
        Assert.Equal(9, (await open.WaitForResponseAsync()).Type);
        var first = await bob.SubmitsModalAsync($"prompt:submit:{await PromptIdAsync(bot, message.Id)}", ("answer", "A first draft about something else."));
        Assert.Contains("Saved your private answer", (await first.WaitForResponseAsync()).Content, StringComparison.Ordinal);
        await bob.ClicksButtonAsync(message.Id, "prompt:private");
        var second = await bob.SubmitsModalAsync($"prompt:submit:{await PromptIdAsync(bot, message.Id)}", ("answer", question.Answer));
        Assert.True((await second.WaitForResponseAsync()).Ephemeral);

        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        var posts = bot.Discord.Messages(thread.Id).Where(m => m.Author.IsBot).Select(m => m.EmbedText).ToList();
        var total = question.KeyPoints.Count;
        Assert.Contains(posts, p => p.Contains($"<@{bob.Id}> {total}/{total}", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Contains("Private answer", StringComparison.Ordinal) && p.Contains(question.Answer[..40], StringComparison.Ordinal));
        Assert.DoesNotContain(posts, p => p.Contains("A first draft", StringComparison.Ordinal));
        Assert.False(bot.Discord.Threads.Single(t => t.Id == thread.Id).Locked);
    }

    [Fact]
    public async Task Hint_WithoutAnAnswer_ShowsTheQuestionsHint_AndAfterAnAnswer_AMissingKeyPoint()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var (question, message, thread) = await AskAsync(bot, "alice", ("category", "caching"));
        var bob = bot.Member("bob");

        var before = await (await bob.ClicksButtonAsync(message.Id, "prompt:hint")).WaitForResponseAsync();
        Assert.True(before.Ephemeral);
        Assert.Contains(question.Hint!, before.Content, StringComparison.Ordinal);

        await bob.PostsAsync(thread.Id, question.KeyPoints[0].Phrases[0]);
        await WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);
        var after = await (await bob.ClicksButtonAsync(message.Id, "prompt:hint")).WaitForResponseAsync();
        Assert.Contains(question.KeyPoints[1].Label, after.Content, StringComparison.Ordinal);
    }

    internal static async Task<(Question Question, EmulatedMessage Message, EmulatedChannel Thread)> AskAsync(BotUnderTest bot, string member, params (string Name, object? Value)[] options)
    {
        var ask = await bot.Member(member).RunsCommandAsync("ask", options);
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
        var message = bot.Discord.Messages(bot.Channel.Id).Last(m => m.Embeds.Count > 0);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var question = bot.Service<QuestionBank>().Find(prompt.QuestionId)!;
        var thread = bot.Discord.Threads.Single(t => t.Id == prompt.ThreadId);
        return (question, message, thread);
    }

    internal static async Task WaitForAnswersAsync(BotUnderTest bot, ulong messageId, int expectedMembers)
    {
        var prompts = bot.Service<IPromptStore>();
        var answers = bot.Service<IAnswerStore>();
        var prompt = (await prompts.FindByMessageAsync(messageId, CancellationToken.None))!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await answers.ListForPromptAsync(prompt.PromptId, cts.Token)).Count != expectedMembers)
        {
            await Task.Delay(20, cts.Token);
        }

        // Let edits and deletes that follow the creates land too.
        await Task.Delay(300, cts.Token);
    }

    private static async Task<string> PromptIdAsync(BotUnderTest bot, ulong messageId) =>
        (await bot.Service<IPromptStore>().FindByMessageAsync(messageId, CancellationToken.None))!.PromptId.ToString(CultureInfo.InvariantCulture);
}
