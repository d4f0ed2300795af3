using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator;

namespace InterviewBot.Tests.Reliability;

/// <summary>Where the daily post's process is killed (issue 11's crash matrix, issue 7).</summary>
public enum DailyCrashStep
{
    /// <summary>The question message request arrived; Discord never applied it.</summary>
    BeforeMessage,

    /// <summary>The message exists on Discord; the bot never learned its id (the ledger has no message).</summary>
    AfterMessage,

    /// <summary>The message is recorded (ledger and prompt); the thread request arrived and Discord never applied it.</summary>
    BeforeThread,

    /// <summary>The message is recorded and the thread exists on Discord; the bot never learned it (the ledger has no thread).</summary>
    AfterThread,

    /// <summary>The ledger row is complete (committed); killed on the next request, the reply to <c>/daily now</c>.</summary>
    AfterCommit,
}

/// <summary>
/// Crash matrix, daily post: the real <c>interviewbot</c> process posts through <c>/daily now</c> (deterministic, no clock
/// in the child) and is killed with SIGKILL at one step; a new process on the same data directory and the same emulated
/// Discord must finish that post from the ledger at start-up: exactly one question message, one thread under it, no
/// orphan message or thread, and a ledger row, prompt and Discord state that agree.
/// </summary>
public sealed class CrashMatrixDailyTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";
    private const string StartThread = "POST /channels/{channel_id}/messages/{message_id}/threads";

    [Theory]
    [InlineData(DailyCrashStep.BeforeMessage)]
    [InlineData(DailyCrashStep.AfterMessage)]
    [InlineData(DailyCrashStep.BeforeThread)]
    [InlineData(DailyCrashStep.AfterThread)]
    [InlineData(DailyCrashStep.AfterCommit)]
    public async Task DailyPost_ProcessKilledAtAStep_RestartFinishesTheSamePost_OneMessageOneThreadNoOrphans(DailyCrashStep step)
    {
        await using var bot = await CrashMatrixBot.StartAsync();
        // A schedule two hours in the past: neither its trigger nor start-up catch-up posts during the test (the day's
        // fire was before the schedule existed), so the only posts are /daily now and what restart resumes.
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("HH:mm", CultureInfo.InvariantCulture);
        var setup = await bot.RunAsync(bot.Admin, "daily setup", ("channel", bot.Channel), ("time", at), ("timezone", "UTC"));
        Assert.Contains("schedule **", setup, StringComparison.Ordinal);
        var channelPath = $"/channels/{bot.Channel.Id.ToString(CultureInfo.InvariantCulture)}/messages";

        var (match, stage) = step switch
        {
            DailyCrashStep.BeforeMessage => (IsQuestion(channelPath), RequestStage.BeforeApply),
            DailyCrashStep.AfterMessage => (IsQuestion(channelPath), RequestStage.AfterApply),
            DailyCrashStep.BeforeThread => ((Func<RestRequestInfo, bool>)(r => r.RouteKey == StartThread), RequestStage.BeforeApply),
            DailyCrashStep.AfterThread => (r => r.RouteKey == StartThread, RequestStage.AfterApply),
            _ => ((Func<RestRequestInfo, bool>)(r => r.Route.StartsWith("/webhooks/", StringComparison.Ordinal)), RequestStage.BeforeApply),
        };
        bot.KillAt(match, stage);
        await bot.Admin.RunsCommandAsync("daily now");
        await bot.WaitUntilKilledAsync(TimeSpan.FromSeconds(60));

        // The kill landed at the step: the ledger and Discord show exactly that much.
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM daily_posts"));
        Assert.NotNull(await bot.ScalarAsync("SELECT question_id FROM daily_posts"));
        var questionsBefore = Questions(bot).Count;
        var messageBefore = await bot.ScalarAsync("SELECT message_id FROM daily_posts");
        var threadBefore = await bot.ScalarAsync("SELECT thread_id FROM daily_posts");
        var completedBefore = await bot.ScalarAsync("SELECT completed_at FROM daily_posts");
        switch (step)
        {
            case DailyCrashStep.BeforeMessage:
                Assert.Equal(0, questionsBefore);
                Assert.Null(messageBefore);
                break;
            case DailyCrashStep.AfterMessage:
                Assert.Equal(1, questionsBefore);
                Assert.Null(messageBefore);
                Assert.Empty(bot.Discord.Threads);
                break;
            case DailyCrashStep.BeforeThread:
                Assert.Equal(1, questionsBefore);
                Assert.NotNull(messageBefore);
                Assert.Null(threadBefore);
                Assert.Empty(bot.Discord.Threads);
                break;
            case DailyCrashStep.AfterThread:
                Assert.NotNull(messageBefore);
                Assert.Null(threadBefore);
                Assert.Single(bot.Discord.Threads);
                break;
            default:
                Assert.NotNull(threadBefore);
                Assert.NotNull(completedBefore);
                break;
        }

        await bot.RestartAsync();
        await bot.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT completed_at FROM daily_posts") is not null, "the restarted bot completes the daily post");

        // The restarted bot answers /daily now with the one post (and posts nothing more).
        var again = await bot.RunAsync(bot.Admin, "daily now");
        var message = Assert.Single(Questions(bot));
        Assert.Contains("already posted", again, StringComparison.Ordinal);
        Assert.Contains(message.Id.ToString(CultureInfo.InvariantCulture), again, StringComparison.Ordinal);
        Assert.Single(bot.BotMessages(bot.Channel.Id));
        var thread = Assert.Single(bot.Discord.Threads);
        Assert.Equal(message.Id, thread.Id);
        Assert.Equal(bot.Channel.Id, thread.ParentId);
        if (messageBefore is not null)
        {
            Assert.Equal(message.Id, Snowflake(messageBefore));
        }

        // The ledger, the prompt and Discord agree.
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM daily_posts"));
        Assert.Equal(message.Id, Snowflake(await bot.ScalarAsync("SELECT message_id FROM daily_posts")));
        Assert.Equal(thread.Id, Snowflake(await bot.ScalarAsync("SELECT thread_id FROM daily_posts")));
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM prompts"));
        Assert.Equal(1, await bot.CountAsync(
            $"SELECT count(*) FROM prompts p JOIN daily_posts d ON d.prompt_id = p.prompt_id WHERE p.source = 'daily' AND p.message_id = {message.Id} AND p.thread_id = {thread.Id} AND p.question_id = d.question_id"));
        Assert.Equal(1, await bot.CountAsync("SELECT count(*) FROM question_usage"));
        Assert.Equal(2, bot.Starts);
    }

    private static Func<RestRequestInfo, bool> IsQuestion(string channelPath) =>
        r => r.RouteKey == CreateMessage && r.Path == channelPath && r.Body?["embeds"] is JsonArray { Count: > 0 };

    private static List<DiscordEmulator.State.EmulatedMessage> Questions(CrashMatrixBot bot) =>
        [.. bot.BotMessages(bot.Channel.Id).Where(m => m.Embeds.Count > 0)];

    private static ulong Snowflake(object? value) => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
