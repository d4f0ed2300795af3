using System.Globalization;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Review;

/// <summary>Peer review end to end: picker, modal, thread embed, notifications, anonymity, helpful votes, /review next.</summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task Review_ThroughThePickerModal_PostsEmbedAndMentionsOnlyTheAuthor()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null), ("carol", "I would add an index."));
        var bob = bot.Member("bob");
        var carol = bot.Member("carol");

        // The picker's options follow the numbered coverage lines: bob covered everything, so he is answer 1.
        var coverage = string.Join('\n', bot.Discord.Messages(scenario.Thread.Id).Select(m => m.EmbedText));
        Assert.Contains($"1. <@{bob.Id}>", coverage, StringComparison.Ordinal);
        Assert.Contains($"2. <@{carol.Id}>", coverage, StringComparison.Ordinal);

        var reply = await scenario.ReviewAsync("carol", "bob", 5, 4, 3, "Clear, but say more about trade-offs.");

        Assert.Contains("Saved your review", reply, StringComparison.Ordinal);
        var post = Assert.Single(scenario.ReviewPosts());
        Assert.Contains($"<@{bob.Id}>", post.Content, StringComparison.Ordinal);
        Assert.Contains($"by <@{carol.Id}>", post.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Correctness **5/5** · Depth **4/5** · Clarity **3/5**", post.EmbedText, StringComparison.Ordinal);
        Assert.Contains("say more about trade-offs", post.EmbedText, StringComparison.Ordinal);
        Assert.Equal([bob.Id], post.PingedUserIds);
        Assert.False(post.PingedEveryone);
        var stored = Assert.Single(await bot.Service<IReviewStore>().ListForAnswerAsync(scenario.AnswerOf("bob"), CancellationToken.None));
        Assert.Equal((5, 4, 3), (stored.Correctness, stored.Depth, stored.Clarity));
        Assert.Equal(carol.Id, stored.ReviewerId);
    }

    [Fact]
    public async Task Review_OwnAnswer_IsRefusedWithoutAModal()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null), ("carol", null));

        var reply = await scenario.ReviewAsync("bob", "bob", 5, 5, 5);

        Assert.Contains("can't review your own answer", reply, StringComparison.Ordinal);
        Assert.Empty(scenario.ReviewPosts());
        Assert.Empty(await bot.Service<IReviewStore>().ListForPromptAsync(scenario.Prompt.PromptId, CancellationToken.None));
    }

    [Fact]
    public async Task Review_OutOfRangeMark_IsRefusedAndNothingSaved()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null));

        var reply = await scenario.ReviewAsync("carol", "bob", 7, 3, 3);

        Assert.Contains("not saved", reply, StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", reply, StringComparison.Ordinal);
        Assert.Empty(scenario.ReviewPosts());
    }

    [Fact]
    public async Task Review_SecondSubmission_EditsTheFirstReviewAndItsMessage()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null));

        await scenario.ReviewAsync("carol", "bob", 2, 2, 2, "first thoughts");
        var second = await scenario.ReviewAsync("carol", "bob", 4, 5, 4, "on reflection, solid");

        Assert.Contains("Updated your review", second, StringComparison.Ordinal);
        var review = Assert.Single(await bot.Service<IReviewStore>().ListForAnswerAsync(scenario.AnswerOf("bob"), CancellationToken.None));
        Assert.Equal((4, 5, 4, "on reflection, solid"), (review.Correctness, review.Depth, review.Clarity, review.Comment));
        var post = Assert.Single(scenario.ReviewPosts());
        Assert.Contains("Peer review (edited)", post.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Depth **5/5**", post.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain("first thoughts", post.EmbedText, StringComparison.Ordinal);
        Assert.NotNull(post.EditedTimestamp);
    }

    [Fact]
    public async Task Review_NotificationsOff_PostsWithoutMentioningTheAuthor()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var settings = await bot.Member("bob").RunsCommandAsync("settings", ("notifications", "off"));
        Assert.Contains("off", (await settings.WaitForResponseAsync()).Content, StringComparison.Ordinal);
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null));

        await scenario.ReviewAsync("carol", "bob", 3, 3, 3);

        var post = Assert.Single(scenario.ReviewPosts());
        Assert.Empty(post.PingedUserIds);
        Assert.DoesNotContain("<@", post.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousReviews_OfBlindModeAnswers_HideTheReviewer()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.Service<IGuildSettingsStore>().UpdateAsync(bot.Guild.Id, s => s with { BlindMode = true, AnonymousReviews = true }, CancellationToken.None);
        var (question, message, thread) = await RevealTests.AskAsync(bot, "alice");
        var bob = bot.Member("bob");
        Assert.Equal(9, (await (await bob.ClicksButtonAsync(message.Id, "prompt:private")).WaitForResponseAsync()).Type);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        var saved = await bob.SubmitsModalAsync($"prompt:submit:{prompt.PromptId.ToString(CultureInfo.InvariantCulture)}", ("answer", question.Answer));
        await saved.WaitForResponseAsync();
        var scenario = await ReviewScenario.RevealAsync(bot, question, message, thread);

        await scenario.ReviewAsync("carol", "bob", 4, 4, 4, "nice");

        var post = Assert.Single(scenario.ReviewPosts());
        Assert.Contains("an anonymous reviewer", post.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Member("carol").Id.ToString(CultureInfo.InvariantCulture), post.EmbedText + post.Content, StringComparison.Ordinal);
        Assert.Equal([bob.Id], post.PingedUserIds);
    }

    [Fact]
    public async Task HelpfulVote_OncePerMember_NeverOnOwnReview_CountsOnTheButton()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", null));
        await scenario.ReviewAsync("carol", "bob", 4, 4, 4);
        var post = Assert.Single(scenario.ReviewPosts());
        var button = Assert.Single(post.CustomIds, id => id.StartsWith("review:helpful:", StringComparison.Ordinal));

        var first = await (await bot.Member("dave").ClicksButtonAsync(post.Id, button)).WaitForResponseAsync();
        var again = await (await bot.Member("dave").ClicksButtonAsync(post.Id, button)).WaitForResponseAsync();
        var own = await (await bot.Member("carol").ClicksButtonAsync(post.Id, button)).WaitForResponseAsync();

        Assert.Contains("Marked as helpful", first.Content, StringComparison.Ordinal);
        Assert.Contains("already marked", again.Content, StringComparison.Ordinal);
        Assert.Contains("your own review", own.Content, StringComparison.Ordinal);
        var review = Assert.Single(await bot.Service<IReviewStore>().ListForAnswerAsync(scenario.AnswerOf("bob"), CancellationToken.None));
        Assert.Equal(1, review.HelpfulVotes);
        await WaitUntilAsync(() => bot.Discord.Message(post.Id)!.Components.ToJsonString().Contains("Helpful (1)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewNext_OffersFewestRecentReviewsFirst_ThenOldest_NeverOwnOrReviewed()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var scenario = await ReviewScenario.RevealedAsync(bot, ("bob", "bob's answer text"), ("carol", "carol's answer text"), ("dave", "dave's answer text"));
        var reviews = bot.Service<IReviewStore>();
        var now = bot.Time.GetUtcNow();
        // bob's answer already has a review, carol's and dave's none; carol answered before dave.
        await reviews.UpsertAsync(scenario.AnswerOf("bob"), bot.Guild.Id, bot.Member("mod").Id, new(3, 3, 3), null, now, CancellationToken.None);

        Assert.Contains("carol's answer text", await NextAsync(bot, "alice"), StringComparison.Ordinal);
        await reviews.UpsertAsync(scenario.AnswerOf("carol"), bot.Guild.Id, bot.Member("alice").Id, new(3, 3, 3), null, now, CancellationToken.None);
        Assert.Contains("dave's answer text", await NextAsync(bot, "alice"), StringComparison.Ordinal);
        await reviews.UpsertAsync(scenario.AnswerOf("dave"), bot.Guild.Id, bot.Member("alice").Id, new(3, 3, 3), null, now, CancellationToken.None);
        Assert.Contains("bob's answer text", await NextAsync(bot, "alice"), StringComparison.Ordinal);
        await reviews.UpsertAsync(scenario.AnswerOf("bob"), bot.Guild.Id, bot.Member("alice").Id, new(3, 3, 3), null, now, CancellationToken.None);
        Assert.Contains("Nothing to review", await NextAsync(bot, "alice"), StringComparison.Ordinal);

        // dave never gets his own answer; the offer carries the question, the reference answer and the rubric button.
        var command = await bot.Member("dave").RunsCommandAsync("review next");
        var offer = await command.WaitForMessageAsync(m => m.EmbedText.Length > 0);
        Assert.True(offer.Ephemeral);
        Assert.DoesNotContain("dave's answer text", offer.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Reference answer", offer.EmbedText, StringComparison.Ordinal);
        var open = Assert.Single(offer.CustomIds);
        Assert.Equal(9, (await (await bot.Member("dave").ClicksButtonAsync(offer.Id, open)).WaitForResponseAsync()).Type);
    }

    private static async Task<string> NextAsync(BotUnderTest bot, string member)
    {
        var command = await bot.Member(member).RunsCommandAsync("review next");
        var reply = await command.WaitForMessageAsync(m => m.Content.Length > 0 || m.EmbedText.Length > 0);
        return reply.Content + reply.EmbedText;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
