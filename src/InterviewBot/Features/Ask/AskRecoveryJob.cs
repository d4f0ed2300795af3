using System.Globalization;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace InterviewBot.Features.Ask;

/// <summary>
/// Finishes an <c>/ask</c> whose process died before the prompt was stored (see <see cref="AskRecovery"/>): resends the
/// question with its nonce (Discord returns the message if it was posted), stores the prompt, opens the thread, records
/// the usage and schedules the reveal. When the prompt already exists the post got further than that: the live post or
/// <see cref="AskResumeService"/> finishes it, so the job stops. A job that fires while this process is still posting
/// looks again later. It runs once; a failure is logged, not retried.
/// </summary>
public sealed partial class AskRecoveryJob(
    AskRecovery recovery,
    PromptPublisher publisher,
    QuestionCatalog catalog,
    IOptions<AskOptions> options,
    TimeProvider time,
    ILogger<AskRecoveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        if (recovery.IsInFlight(ulong.Parse(key.Name, CultureInfo.InvariantCulture)))
        {
            // Not interrupted, only slow: look again later (the live post deletes this job when it is done).
            await context.Scheduler.ScheduleJob(AskRecovery.Later(key, time.GetUtcNow() + recovery.RecoverAfter), new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var data = context.MergedJobDataMap;
        var guildId = ulong.Parse(data.GetString(AskRecovery.GuildIdKey)!, CultureInfo.InvariantCulture);
        var channelId = ulong.Parse(data.GetString(AskRecovery.ChannelIdKey)!, CultureInfo.InvariantCulture);
        var questionId = data.GetString(AskRecovery.QuestionIdKey)!;
        var askedBy = data.GetString(AskRecovery.AskedByKey) is { Length: > 0 } asker ? ulong.Parse(asker, CultureInfo.InvariantCulture) : (ulong?)null;
        var revealAfter = data.GetString(AskRecovery.RevealAfterMinutesKey) is { Length: > 0 } minutes
            ? TimeSpan.FromMinutes(long.Parse(minutes, CultureInfo.InvariantCulture))
            : (TimeSpan?)null;
        var postedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(data.GetString(AskRecovery.PostedAtKey)!, CultureInfo.InvariantCulture));
        var nonce = data.GetString(AskRecovery.NonceKey)!;

        if (time.GetUtcNow() - postedAt > TimeSpan.FromMinutes(options.Value.RecoverWithinMinutes))
        {
            LogTooOld(logger, guildId, channelId, postedAt);
            return;
        }

        try
        {
            var question = await catalog.FindAsync(guildId, questionId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"question {questionId} no longer exists");
            var request = new PublishRequest(guildId, channelId, question, PromptSource.Ask)
            {
                AskedBy = askedBy,
                RevealAfter = revealAfter,
                Nonce = nonce,
                PostedAt = postedAt,
            };
            var (prompt, created) = await publisher.PostAndRecordAsync(request, cancellationToken).ConfigureAwait(false);
            if (created)
            {
                await publisher.FinishPostAsync(prompt, request, cancellationToken).ConfigureAwait(false);
                LogRecovered(logger, prompt.PromptId, guildId, channelId);
            }
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or InvalidOperationException)
        {
            LogFailed(logger, e, guildId, channelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished an interrupted /ask as prompt {PromptId} in guild {GuildId}, channel {ChannelId}")]
    private static partial void LogRecovered(ILogger logger, long promptId, ulong guildId, ulong channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interrupted /ask in guild {GuildId}, channel {ChannelId} from {PostedAt} is too old to resend safely; not recovered")]
    private static partial void LogTooOld(ILogger logger, ulong guildId, ulong channelId, DateTimeOffset postedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not finish an interrupted /ask in guild {GuildId}, channel {ChannelId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, ulong guildId, ulong channelId);
}
