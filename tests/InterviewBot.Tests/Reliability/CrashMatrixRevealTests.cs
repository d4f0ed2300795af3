using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator;
using DiscordEmulator.State;

namespace InterviewBot.Tests.Reliability;

/// <summary>Where the reveal's process is killed (issue 11's crash matrix).</summary>
public enum RevealCrashStep
{
    /// <summary>The reveal is claimed in the database; its first message (the reference answer) never reached Discord.</summary>
    BeforeMessage,

    /// <summary>The reference answer is in the thread; the bot never learned it.</summary>
    AfterMessage,

    /// <summary>Everything is posted and the question message shows "revealed"; the database does not know yet.</summary>
    AfterQuestionEdit,

    /// <summary>The reveal is recorded (committed); killed on the next request, the reply to the Reveal button.</summary>
    AfterCommit,
}

/// <summary>
/// Crash matrix, reveal: a member's <c>/ask</c> question is answered in its thread, the asker clicks <b>Reveal</b> (the
/// reveal time itself is a day away), and the real <c>interviewbot</c> process is killed with SIGKILL at one step of the
/// reveal. The process started next on the same data directory must finish that reveal at start-up: exactly one
/// reference answer, one coverage post, one review picker, the question message marked revealed, and the prompt recorded
/// as revealed.
/// </summary>
public sealed class CrashMatrixRevealTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";
    private const string EditMessage = "PATCH /channels/{channel_id}/messages/{message_id}";

    [Theory]
    [InlineData(RevealCrashStep.BeforeMessage)]
    [InlineData(RevealCrashStep.AfterMessage)]
    [InlineData(RevealCrashStep.AfterQuestionEdit)]
    [InlineData(RevealCrashStep.AfterCommit)]
    public async Task Reveal_ProcessKilledAtAStep_RestartFinishesIt_OneRevealNoDuplicates(RevealCrashStep step)
    {
        await using var bot = await CrashMatrixBot.StartAsync();
        var alice = bot.Member("alice");
        var asked = await bot.RunAsync(alice, "ask");
        Assert.Contains("Your question is up", asked, StringComparison.Ordinal);
        var question = Assert.Single(bot.BotMessages(bot.Channel.Id));
        var thread = Assert.Single(bot.Discord.Threads);
        await alice.PostsAsync(thread.Id, "Put a cache in front of the database, with a TTL and eviction, and watch for stampedes.");
        await bot.WaitUntilAsync(async () => await bot.CountAsync("SELECT count(*) FROM answers") == 1, "alice's answer is stored");
        var promptId = Convert.ToInt64(await bot.ScalarAsync("SELECT prompt_id FROM prompts"), CultureInfo.InvariantCulture);
        var threadPath = $"/channels/{thread.Id.ToString(CultureInfo.InvariantCulture)}/messages";
        var questionPath = $"/channels/{bot.Channel.Id.ToString(CultureInfo.InvariantCulture)}/messages/{question.Id.ToString(CultureInfo.InvariantCulture)}";
        Func<RestRequestInfo, bool> referenceAnswer = r =>
            r.RouteKey == CreateMessage && r.Path == threadPath && r.Body?["nonce"]?.GetValue<string>() == $"rv{promptId.ToString(CultureInfo.InvariantCulture)}.0";

        var (match, stage) = step switch
        {
            RevealCrashStep.BeforeMessage => (referenceAnswer, RequestStage.BeforeApply),
            RevealCrashStep.AfterMessage => (referenceAnswer, RequestStage.AfterApply),
            RevealCrashStep.AfterQuestionEdit => ((Func<RestRequestInfo, bool>)(r => r.RouteKey == EditMessage && r.Path == questionPath), RequestStage.AfterApply),
            _ => ((Func<RestRequestInfo, bool>)(r => r.Route.StartsWith("/webhooks/", StringComparison.Ordinal)), RequestStage.BeforeApply),
        };
        bot.KillAt(match, stage);
        await alice.ClicksButtonAsync(question.Id, "prompt:reveal");
        await bot.WaitUntilKilledAsync(TimeSpan.FromSeconds(60));

        // The kill landed at the step.
        Assert.NotNull(await bot.ScalarAsync("SELECT revealing_at FROM prompts"));
        var revealedBefore = await bot.ScalarAsync("SELECT revealed_at FROM prompts");
        var references = ReferenceAnswers(bot, thread.Id).Count;
        switch (step)
        {
            case RevealCrashStep.BeforeMessage:
                Assert.Equal(0, references);
                Assert.Null(revealedBefore);
                break;
            case RevealCrashStep.AfterMessage:
                Assert.Equal(1, references);
                Assert.DoesNotContain("Revealed", bot.Discord.Message(question.Id)!.EmbedText, StringComparison.Ordinal);
                Assert.Null(revealedBefore);
                break;
            case RevealCrashStep.AfterQuestionEdit:
                Assert.Contains("Revealed", bot.Discord.Message(question.Id)!.EmbedText, StringComparison.Ordinal);
                Assert.Null(revealedBefore);
                break;
            default:
                Assert.NotNull(revealedBefore);
                break;
        }

        await bot.RestartAsync();
        await bot.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT revealed_at FROM prompts") is not null, "the restarted bot finishes the reveal");

        // The restarted bot knows it is revealed (and reveals nothing more); the button is off, so ask with /reveal.
        var again = await bot.ReplyOfAsync(await alice.RunsCommandInAsync(thread.Id, "reveal"), "/reveal after the restart");
        Assert.Contains("already been revealed", again, StringComparison.Ordinal);

        var posts = bot.BotMessages(thread.Id);
        Assert.Single(ReferenceAnswers(bot, thread.Id));
        Assert.Single(posts, p => Title(p) == "Key points and coverage");
        Assert.Single(posts, p => p.CustomIds.Any(id => id.StartsWith("review:", StringComparison.Ordinal)));
        Assert.Single(posts, p => p.EmbedText.Contains($"<@{alice.Id.ToString(CultureInfo.InvariantCulture)}>", StringComparison.Ordinal));
        Assert.Equal(posts.Count, posts.Select(p => p.Embeds.ToJsonString() + p.Components.ToJsonString()).Distinct().Count());
        Assert.Contains("Revealed", bot.Discord.Message(question.Id)!.EmbedText, StringComparison.Ordinal);

        // No orphans: still one question and one thread; one prompt, revealed once.
        Assert.Single(bot.BotMessages(bot.Channel.Id));
        Assert.Single(bot.Discord.Threads);
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM prompts"));
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM prompts WHERE revealing_at IS NOT NULL AND revealed_at IS NOT NULL"));
        Assert.Equal(2, bot.Starts);
    }

    private static List<EmulatedMessage> ReferenceAnswers(CrashMatrixBot bot, ulong threadId) =>
        [.. bot.BotMessages(threadId).Where(m => Title(m) == "Reference answer")];

    private static string? Title(EmulatedMessage message) =>
        message.Embeds.Count > 0 && message.Embeds[0] is JsonObject embed ? embed["title"]?.GetValue<string>() : null;
}
