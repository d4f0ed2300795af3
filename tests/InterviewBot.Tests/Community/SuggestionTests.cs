using InterviewBot.Core.Questions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using static InterviewBot.Tests.Community.CommunityScenario;

namespace InterviewBot.Tests.Community;

/// <summary>/question suggest and the staff review, end to end: the real host against the Discord emulator.</summary>
public sealed class SuggestionTests
{
    [Fact]
    public async Task Suggest_StaffAccepts_AskWithTheCommunityTagPostsIt_AndTheSuggesterIsToldByDm()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        var alice = bot.Member("alice");

        var confirmation = await SuggestAsync(alice);
        Assert.Contains("sent to the moderators", confirmation.Content, StringComparison.Ordinal);
        Assert.True(confirmation.Ephemeral);

        var review = await ReviewMessageAsync(bot, staff, "idempotent webhook");
        Assert.Contains($"<@{alice.Id}>", review.EmbedText, StringComparison.Ordinal);
        Assert.Contains("Key points (derived from the answer)", review.EmbedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Possible duplicate", review.EmbedText, StringComparison.Ordinal);
        Assert.Empty(review.PingedUserIds);

        var accept = await bot.Member("mod").ClicksButtonAsync(review.Id, ButtonId(review, "accept"));
        var accepted = await accept.WaitForMessageAsync(m => m.Content.Contains("Accepted", StringComparison.Ordinal));
        Assert.True(accepted.Ephemeral);
        var dm = await DmAsync(bot, "was accepted");
        Assert.Contains("idempotent webhook", dm.Content, StringComparison.Ordinal);
        var decided = bot.Discord.Message(review.Id)!;
        Assert.Contains("Accepted by", decided.EmbedText, StringComparison.Ordinal);
        Assert.Empty(decided.CustomIds);

        var stored = Assert.Single(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None));
        var question = Assert.Single(await bot.Service<QuestionCatalog>().GuildQuestionsAsync(bot.Guild.Id, CancellationToken.None));
        Assert.Equal(stored.QuestionKey, question.Id);
        Assert.Equal("api-design", question.Category);
        Assert.InRange(question.KeyPoints.Count, QuestionLimits.MinKeyPoints, 5);
        Assert.All(question.KeyPoints, k => Assert.True(k.Derived));
        Assert.Contains("derived: true", stored.Body, StringComparison.Ordinal);
        Assert.Equal(SuggestionStatus.Accepted, Assert.Single(await bot.Service<ISuggestionStore>().ListAsync(bot.Guild.Id, SuggestionStatus.Accepted, CancellationToken.None)).Status);

        var ask = await alice.RunsCommandAsync("ask", ("tag", "community"));
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
        var posted = Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);
        Assert.Contains("idempotent webhook", posted.EmbedText, StringComparison.Ordinal);
        var prompt = await bot.Service<IPromptStore>().FindByMessageAsync(posted.Id, CancellationToken.None);
        Assert.Equal(question.Id, prompt!.QuestionId);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Suggest_StaffRejectsWithAReason_SuggesterGetsTheReasonByDm_AndNothingIsAdded()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        await SuggestAsync(bot.Member("bob"));
        var review = await ReviewMessageAsync(bot, staff, "idempotent webhook");
        var mod = bot.Member("mod");

        var reject = await mod.ClicksButtonAsync(review.Id, ButtonId(review, "reject"));
        Assert.Equal(9, (await reject.WaitForResponseAsync()).Type);
        var submit = await mod.SubmitsModalAsync(ButtonId(review, "reject").Replace("reject", "rejectreason", StringComparison.Ordinal), ("reason", "We already cover webhooks in the API design set."));
        await submit.WaitForMessageAsync(m => m.Content.Contains("Rejected", StringComparison.Ordinal));

        var dm = await DmAsync(bot, "was not accepted");
        Assert.Contains("**Reason:** We already cover webhooks in the API design set.", dm.Content, StringComparison.Ordinal);
        Assert.Contains("Rejected by", bot.Discord.Message(review.Id)!.EmbedText, StringComparison.Ordinal);
        Assert.Empty(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None));
        var rejected = Assert.Single(await bot.Service<ISuggestionStore>().ListAsync(bot.Guild.Id, SuggestionStatus.Rejected, CancellationToken.None));
        Assert.Equal("We already cover webhooks in the API design set.", rejected.DecisionReason);
    }

    [Fact]
    public async Task Suggest_MemberWithoutManageMessagesPressesAcceptOrReject_IsRefused_AndTheSuggestionStaysPending()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        await SuggestAsync(bot.Member("alice"));
        var review = await ReviewMessageAsync(bot, staff, "idempotent webhook");
        var carol = bot.Member("carol");

        foreach (var action in new[] { "accept", "reject", "edit" })
        {
            var press = await carol.ClicksButtonAsync(review.Id, ButtonId(review, action));
            var refusal = await press.WaitForMessageAsync(m => m.Content.Length > 0);
            Assert.Contains("Manage Messages", refusal.Content, StringComparison.Ordinal);
            Assert.True(refusal.Ephemeral);
        }

        Assert.Single(await bot.Service<ISuggestionStore>().ListAsync(bot.Guild.Id, SuggestionStatus.Pending, CancellationToken.None));
        Assert.Empty(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None));
        Assert.Equal(3, bot.Discord.Message(review.Id)!.CustomIds.Count);
    }

    [Fact]
    public async Task Suggest_SixthWhileFivePending_IsRefusedBeforeTheForm()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        var dave = bot.Member("dave");
        string[] topics = ["webhook delivery", "rate limiting tokens", "pagination cursors", "request tracing spans", "schema migrations online"];
        foreach (var topic in topics)
        {
            var reply = await SuggestAsync(dave, Form(prompt: $"How would you explain {topic} to a new backend engineer on your team?"));
            Assert.Contains("sent to the moderators", reply.Content, StringComparison.Ordinal);
        }

        var sixth = await dave.RunsCommandAsync("question suggest");
        var refusal = await sixth.WaitForMessageAsync(m => m.Content.Length > 0);

        Assert.Contains("5 suggestions waiting", refusal.Content, StringComparison.Ordinal);
        Assert.True(refusal.Ephemeral);
        Assert.Equal(5, bot.Discord.Messages(staff.Id).Count(m => m.Embeds.Count > 0));

        // Another member is not affected by dave's limit.
        Assert.Contains("sent to the moderators", (await SuggestAsync(bot.Member("bob"))).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_NearDuplicateOfABankQuestion_IsFlaggedOnTheStaffEmbedWithTheClosestMatch()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        var original = bot.Service<QuestionBank>().Questions.First(q => q.Code is null && q.Prompt.Length < 200);

        await SuggestAsync(bot.Member("alice"), Form(prompt: original.Prompt + " Explain briefly.", answer: original.Answer, category: original.Category));

        var review = await ReviewMessageAsync(bot, staff, "Possible duplicate");
        Assert.Contains($"`{original.Id}`", review.EmbedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_InvalidForm_ListsEveryProblem_AndPostsNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);

        var reply = await SuggestAsync(bot.Member("alice"), Form(answer: "Too short to be useful.", difficulty: "impossible"));

        Assert.Contains("needs a few changes", reply.Content, StringComparison.Ordinal);
        Assert.Contains("at least 20", reply.Content, StringComparison.Ordinal);
        Assert.Contains("'impossible' is not a difficulty", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Messages(staff.Id), m => m.Embeds.Count > 0);
    }

    [Fact]
    public async Task Suggest_StaffEditsThenAccepts_TheEditedVersionIsStoredWithTheGivenKeyPoints()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        await SuggestAsync(bot.Member("alice"));
        var review = await ReviewMessageAsync(bot, staff, "idempotent webhook");
        var mod = bot.Member("mod");

        var edit = await mod.ClicksButtonAsync(review.Id, ButtonId(review, "edit"));
        var modal = await edit.WaitForResponseAsync();
        Assert.Equal(9, modal.Type);
        Assert.Contains("idempotent webhook", modal.Data!.ToJsonString(), StringComparison.Ordinal);
        var submit = await mod.SubmitsModalAsync(
            ButtonId(review, "edit").Replace("edit", "editaccept", StringComparison.Ordinal),
            Form(prompt: "How do you make webhook delivery idempotent and safe to retry?", difficulty: "hard", keyPoints: "Idempotency key: idempotency key\nRetries: backoff, retries\nSignatures: signature"));
        await submit.WaitForMessageAsync(m => m.Content.Contains("Accepted", StringComparison.Ordinal));

        var question = Assert.Single(await bot.Service<QuestionCatalog>().GuildQuestionsAsync(bot.Guild.Id, CancellationToken.None));
        Assert.Equal("How do you make webhook delivery idempotent and safe to retry?", question.Prompt);
        Assert.Equal(Difficulty.Hard, question.Difficulty);
        Assert.Equal(["Idempotency key", "Retries", "Signatures"], question.KeyPoints.Select(k => k.Label));
        Assert.All(question.KeyPoints, k => Assert.False(k.Derived));
        await DmAsync(bot, "with a moderator's edits");
    }

    [Fact]
    public async Task Suggest_TwoModeratorsAcceptAtOnce_OneQuestionIsAdded_AndTheOtherIsToldItWasDecided()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var staff = await ConfigureReviewChannelAsync(bot);
        await SuggestAsync(bot.Member("alice"));
        var review = await ReviewMessageAsync(bot, staff, "idempotent webhook");
        var second = bot.Guild.AddMember("mod2", DiscordEmulator.Permissions.ManageMessages);

        var presses = await Task.WhenAll(
            bot.Member("mod").ClicksButtonAsync(review.Id, ButtonId(review, "accept")),
            second.ClicksButtonAsync(review.Id, ButtonId(review, "accept")));
        var replies = await Task.WhenAll(presses.Select(p => p.WaitForMessageAsync(m => m.Content.Length > 0)));

        Assert.Single(replies, r => r.Content.StartsWith("Accepted", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Content.Contains("already accepted", StringComparison.Ordinal) || r.Content.Contains("Another moderator", StringComparison.Ordinal));
        Assert.Single(await bot.Service<IGuildQuestionStore>().ListAsync(bot.Guild.Id, CancellationToken.None));
        await DmAsync(bot, "was accepted");
    }

    [Fact]
    public async Task Suggest_NoReviewChannel_IsRefusedWithWhatToDo()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var reply = await SuggestAsync(bot.Member("alice"));

        Assert.Contains("/config review_channel", reply.Content, StringComparison.Ordinal);
    }
}
