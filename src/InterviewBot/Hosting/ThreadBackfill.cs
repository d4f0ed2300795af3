using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Answers;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Hosting;

/// <summary>
/// After start-up and after any reconnect that could not resume, reads every open prompt thread through REST
/// (paged, oldest first) and ingests what the gateway did not deliver: new messages, edits (the stored text is
/// replaced) and deletes (stored parts whose message is gone). Idempotent, so running it twice changes nothing.
/// </summary>
public sealed partial class ThreadBackfill(
    OpenThreads threads,
    AnswerCollector collector,
    IAnswerStore answers,
    IThreadCheckpointStore checkpoints,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<ThreadBackfill> logger)
{
    private const int PageSize = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var thread in threads.All.Where(t => !t.Revealed))
        {
            try
            {
                await BackfillThreadAsync(thread, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e)
            {
                LogThreadFailed(logger, e, thread.ThreadId);
            }
        }

        await collector.FlushCheckpointsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task BackfillThreadAsync(ThreadPrompt thread, CancellationToken cancellationToken)
    {
        var seen = new HashSet<ulong>();
        var after = new Snowflake(thread.ThreadId);
        var checkpoint = await checkpoints.GetAsync(thread.ThreadId, cancellationToken).ConfigureAwait(false);
        var missed = 0;
        var readStarted = time.GetUtcNow();
        while (true)
        {
            var page = await rest.GetChannelMessagesAsync(new Snowflake(thread.ThreadId), after: after, limit: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var message in page.OrderBy(m => m.Id.Value))
            {
                seen.Add(message.Id.Value);
                if (checkpoint is null || message.Id.Value > checkpoint.LastMessageId)
                {
                    missed++;
                }

                await collector.IngestBackfilledAsync(thread, message, cancellationToken).ConfigureAwait(false);
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page.Max(m => m.Id);
        }

        // Only messages the read covered can be judged deleted: one that arrived through the gateway after its page was
        // read is newer than everything the read saw, and is live. (Without this, a back-fill racing a busy thread marked
        // fresh answers deleted.) An empty thread covers everything written before the read started.
        var coveredUpTo = seen.Count > 0 ? seen.Max() : Snowflake.FromTimestamp(readStarted).Value;
        var deleted = 0;
        foreach (var answer in await answers.ListForPromptAsync(thread.PromptId, cancellationToken).ConfigureAwait(false))
        {
            foreach (var part in answer.Parts.Where(p => p.DeletedAt is null && !answer.IsPrivate && p.MessageId <= coveredUpTo && !seen.Contains(p.MessageId)))
            {
                await answers.SoftDeletePartAsync(part.MessageId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }

        if (missed > 0 || deleted > 0)
        {
            LogBackfilled(logger, thread.ThreadId, missed, deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-filled thread {ThreadId}: {Missed} new message(s), {Deleted} deletion(s)")]
    private static partial void LogBackfilled(ILogger logger, ulong threadId, int missed, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not back-fill thread {ThreadId}")]
    private static partial void LogThreadFailed(ILogger logger, Exception exception, ulong threadId);
}
