using InterviewBot.Discord.Rest;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Ask;

/// <summary>
/// At start-up, finishes <c>/ask</c> posts the process left between the message and the thread. Their prompt exists (it
/// is stored as soon as the message does), but with no thread recorded the answers in it were not collected and no reveal
/// was scheduled. The thread is opened, or adopted when Discord already has it (160004), then the usage and the reveal
/// trigger are recorded. Daily posts are finished from their ledger by <c>DailyStartup</c> instead.
/// </summary>
public sealed partial class AskResumeService(
    IPromptStore prompts,
    IGuildSettingsStore settings,
    QuestionCatalog catalog,
    PromptPublisher publisher,
    ILogger<AskResumeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var prompt in await prompts.ListAskedWithoutThreadAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var question = await catalog.FindAsync(prompt.GuildId, prompt.QuestionId, stoppingToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"question {prompt.QuestionId} of prompt {prompt.PromptId} no longer exists");
                var guild = await settings.GetAsync(prompt.GuildId, stoppingToken).ConfigureAwait(false);
                var finished = await publisher.EnsureThreadAsync(prompt, question, guild.BlindMode, stoppingToken).ConfigureAwait(false);
                await publisher.FinishAsync(finished, new PublishRequest(prompt.GuildId, prompt.ChannelId, question, PromptSource.Ask) { AskedBy = prompt.AskedBy }, stoppingToken)
                    .ConfigureAwait(false);
                LogResumed(logger, prompt.PromptId, finished.ThreadId);
            }
            catch (Exception e) when (e is DiscordApiException or HttpRequestException or InvalidOperationException)
            {
                // One broken post (deleted channel, lost permissions) must not stop the others; the next start-up retries.
                LogFailed(logger, e, prompt.PromptId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished /ask prompt {PromptId} interrupted before its thread was recorded (thread {ThreadId})")]
    private static partial void LogResumed(ILogger logger, long promptId, ulong? threadId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not finish /ask prompt {PromptId} interrupted before its thread was recorded; the next start-up retries")]
    private static partial void LogFailed(ILogger logger, Exception exception, long promptId);
}
