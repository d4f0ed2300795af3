using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator;

namespace InterviewBot.Tests.Reliability;

/// <summary>Where the <c>/ask</c> post's process is killed.</summary>
public enum AskCrashStep
{
    /// <summary>The question message request arrived; Discord never applied it.</summary>
    BeforeMessage,

    /// <summary>The prompt is stored; the thread request arrived and Discord never applied it.</summary>
    BeforeThread,

    /// <summary>The prompt is stored and the thread exists on Discord; the bot never learned it.</summary>
    AfterThread,

    /// <summary>Thread, usage and reveal trigger are recorded; killed on the next request, the reply to <c>/ask</c>.</summary>
    AfterCommit,
}

/// <summary>
/// Crash matrix, <c>/ask</c> post: the real <c>interviewbot</c> process is killed with SIGKILL at one step of posting a
/// member's question; the next process must leave no orphan: a lost ask posts nothing, a half-done one gets its thread
/// (answers in it are collected) and its reveal trigger. The member's interaction is gone with the process, so nothing
/// re-posts a question that never reached Discord. Not covered: a kill after the message exists and before its prompt is
/// stored leaves that message orphaned (see docs/reliability.md).
/// </summary>
public sealed class CrashMatrixAskTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";
    private const string StartThread = "POST /channels/{channel_id}/messages/{message_id}/threads";

    [Theory]
    [InlineData(AskCrashStep.BeforeMessage)]
    [InlineData(AskCrashStep.BeforeThread)]
    [InlineData(AskCrashStep.AfterThread)]
    [InlineData(AskCrashStep.AfterCommit)]
    public async Task AskPost_ProcessKilledAtAStep_RestartLeavesNoOrphan_AnswersInTheThreadAreCollected(AskCrashStep step)
    {
        await using var bot = await CrashMatrixBot.StartAsync();
        var alice = bot.Member("alice");
        var channelPath = $"/channels/{bot.Channel.Id.ToString(CultureInfo.InvariantCulture)}/messages";
        var (match, stage) = step switch
        {
            AskCrashStep.BeforeMessage => ((Func<RestRequestInfo, bool>)(r => r.RouteKey == CreateMessage && r.Path == channelPath && r.Body?["embeds"] is JsonArray { Count: > 0 }), RequestStage.BeforeApply),
            AskCrashStep.BeforeThread => (r => r.RouteKey == StartThread, RequestStage.BeforeApply),
            AskCrashStep.AfterThread => (r => r.RouteKey == StartThread, RequestStage.AfterApply),
            _ => ((Func<RestRequestInfo, bool>)(r => r.Route.StartsWith("/webhooks/", StringComparison.Ordinal)), RequestStage.BeforeApply),
        };
        bot.KillAt(match, stage);
        await alice.RunsCommandAsync("ask");
        await bot.WaitUntilKilledAsync(TimeSpan.FromSeconds(60));

        var promptsBefore = await bot.CountAsync("SELECT count(*) FROM prompts");
        var threadBefore = await bot.ScalarAsync("SELECT thread_id FROM prompts");
        switch (step)
        {
            case AskCrashStep.BeforeMessage:
                Assert.Empty(bot.BotMessages(bot.Channel.Id));
                Assert.Equal(0, promptsBefore);
                break;
            case AskCrashStep.BeforeThread:
                Assert.Equal(1, promptsBefore);
                Assert.Null(threadBefore);
                Assert.Empty(bot.Discord.Threads);
                break;
            case AskCrashStep.AfterThread:
                Assert.Equal(1, promptsBefore);
                Assert.Null(threadBefore);
                Assert.Single(bot.Discord.Threads);
                break;
            default:
                Assert.Equal(1, promptsBefore);
                Assert.NotNull(threadBefore);
                break;
        }

        await bot.RestartAsync();
        if (step == AskCrashStep.BeforeMessage)
        {
            // The lost ask left nothing; asking again posts exactly one question.
            Assert.Contains("Your question is up", await bot.RunAsync(alice, "ask"), StringComparison.Ordinal);
        }

        await bot.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT thread_id FROM prompts") is not null, "the prompt has its thread");
        var question = Assert.Single(bot.BotMessages(bot.Channel.Id));
        var thread = Assert.Single(bot.Discord.Threads);
        Assert.Equal(question.Id, thread.Id);
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM prompts"));
        Assert.Equal(1, await bot.CountAsync($"SELECT count(*) FROM prompts WHERE source = 'ask' AND message_id = {question.Id} AND thread_id = {thread.Id} AND asked_by = {alice.Id}"));
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM question_usage"));

        // The thread is collected: an answer written there now is stored.
        await alice.PostsAsync(thread.Id, "Put a cache in front of the database, with a TTL and eviction.");
        await bot.WaitUntilAsync(async () => await bot.CountAsync("SELECT count(*) FROM answers") == 1, "alice's answer in the thread is stored");

        // And the reveal is scheduled in Quartz's persistent store.
        await bot.WaitUntilAsync(
            async () => await bot.CountAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'reveal'", database: "quartz.db") == 1,
            "the reveal trigger is stored");
    }
}
