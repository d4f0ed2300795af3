using Quartz;

namespace InterviewBot.Features.Daily;

/// <summary>
/// Fires at a schedule's local time and hands the fire to <see cref="DailyPostWorker"/>, which paces and posts it.
/// Handing over (instead of posting inside the job) keeps Quartz's threads free when thousands of schedules share a
/// minute: a fire costs Quartz its own bookkeeping and nothing else, never a Discord round trip. Not marked
/// <c>[DisallowConcurrentExecution]</c>: two fires of one schedule queued together are harmless (the ledger posts once),
/// and the attribute would make Quartz's store lock and block the trigger on every fire.
/// </summary>
public sealed class DailyQuestionJob(DailyPostWorker queue) : IJob
{
    public const string ScheduleIdKey = "scheduleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduleId = context.MergedJobDataMap.GetLong(ScheduleIdKey);
        await FireAsync(scheduleId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What Quartz calls, with the instant the fire was due; tests on a controlled clock call it directly. The first fire
    /// of an instant also queues every other schedule due at that instant (<see cref="DailyPostWorker.EnqueueAllDueAtAsync"/>),
    /// and a later fire of one of those adds nothing.
    /// </summary>
    public async ValueTask FireAsync(long scheduleId, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        if (!queue.WasQueuedWith(scheduleId, scheduledAt))
        {
            await queue.EnqueueAsync(new DailyFire(scheduleId, scheduledAt, DailyFireKind.Scheduled), cancellationToken).ConfigureAwait(false);
        }

        await queue.EnqueueAllDueAtAsync(scheduledAt, cancellationToken).ConfigureAwait(false);
    }
}
