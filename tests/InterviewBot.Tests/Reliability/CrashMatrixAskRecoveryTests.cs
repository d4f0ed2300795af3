using System.Globalization;
using InterviewBot.Features.Ask;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Quartz;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// The <c>/ask</c> recovery job on its own (the crash matrix drives it through a killed process): a recovery left by an
/// interrupted ask posts that question once after a restart, and one older than Discord's nonce memory posts nothing,
/// since a resend could then put a second question beside the first.
/// </summary>
public sealed class CrashMatrixAskRecoveryTests
{
    [Fact]
    public async Task AskRecovery_LeftByInterruptedAsks_AfterRestartPostsTheFreshOneOnce_AndNotTheOneTooOldToResend()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: new Dictionary<string, string> { ["InterviewBot:Ask:RecoverAfterSeconds"] = "1" });
        var alice = bot.Member("alice");
        var questions = bot.Service<QuestionCatalog>().Bank.Questions;
        const ulong fresh = 1_000_000_001;
        const ulong stale = 1_000_000_002;
        var now = bot.Time.GetUtcNow();
        await bot.Service<AskRecovery>().ScheduleAsync(fresh, Request(bot, questions[0], alice.Id, fresh, now), CancellationToken.None);
        await bot.Service<AskRecovery>().ScheduleAsync(stale, Request(bot, questions[1], alice.Id, stale, now.AddMinutes(-6)), CancellationToken.None);

        // A restart is a new process as far as the recovery knows: neither post is in flight any more.
        await bot.RestartAsync(new Dictionary<string, string> { ["InterviewBot:Ask:RecoverAfterSeconds"] = "1" });
        var scheduler = await bot.Service<ISchedulerFactory>().GetScheduler();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (await scheduler.GetJobDetail(AskRecovery.JobKey(fresh), wait.Token) is not null || await scheduler.GetJobDetail(AskRecovery.JobKey(stale), wait.Token) is not null)
            {
                await Task.Delay(50, wait.Token);
            }
        }

        var message = Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Author.IsBot);
        var prompt = Assert.Single(await bot.Service<IPromptStore>().ListRecentAsync(bot.Guild.Id, 10, CancellationToken.None));
        Assert.Equal(message.Id, prompt.MessageId);
        Assert.Equal(questions[0].Id, prompt.QuestionId);
        Assert.Equal(alice.Id, prompt.AskedBy);
        Assert.Equal(now.ToUnixTimeMilliseconds(), prompt.PostedAt.ToUnixTimeMilliseconds());
        Assert.Equal(message.Id, Assert.Single(bot.Discord.Threads).Id);
        var send = Assert.Single(bot.Discord.Requests, r => r.RouteKey == "POST /channels/{channel_id}/messages" && r.Path.Contains(bot.Channel.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(AskRecovery.Nonce(fresh), send.Body?["nonce"]?.ToString());
    }

    private static PublishRequest Request(BotUnderTest bot, Core.Questions.Question question, ulong askedBy, ulong interactionId, DateTimeOffset postedAt) =>
        new(bot.Guild.Id, bot.Channel.Id, question, PromptSource.Ask)
        {
            AskedBy = askedBy,
            RevealAfter = TimeSpan.FromDays(1),
            Nonce = AskRecovery.Nonce(interactionId),
            PostedAt = postedAt,
        };
}
