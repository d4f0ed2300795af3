using InterviewBot.Core.Scheduling;
using InterviewBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Features.Daily;

/// <summary>
/// At start-up: (1) makes every schedule's Quartz trigger match the stored schedule, (2) finishes posts a crash left
/// half done (message sent, thread not yet opened), and (3) catches up: a fire missed while the bot was down posts once
/// if still inside the schedule's grace window, otherwise that day is recorded as skipped (logged, and shown in
/// <c>/daily status</c>). Every step goes through the ledger, so running it twice, or on two instances, posts nothing twice.
/// Then, every <see cref="DailyOptions.SweepMinutes"/>, it sweeps again (resume, catch-up), so a post that failed past
/// its retries or a fire Quartz dropped under load is not a silent stop until the next restart.
/// </summary>
public sealed partial class DailyStartup(
    IDailyScheduleStore schedules,
    IDailyPostStore ledger,
    DailyScheduler scheduler,
    DailyPoster poster,
    DailyPostWorker worker,
    TimeProvider time,
    IOptions<DailyOptions> options,
    ILogger<DailyStartup> logger) : BackgroundService
{
    /// <summary>An incomplete post younger than this may still be in progress in some instance; the sweep leaves it.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up work finished (tests wait for it).</summary>
    public Task Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
            _done.TrySetResult();
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes)), time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
            _done.TrySetException(e);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var all = await schedules.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var schedule in all)
        {
            await scheduler.EnsureAsync(schedule, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var post in await ledger.ListIncompleteAsync(cancellationToken).ConfigureAwait(false))
        {
            await TryAsync(() => poster.ResumeAsync(post, cancellationToken), post.ScheduleId).ConfigureAwait(false);
        }

        foreach (var schedule in all)
        {
            await TryAsync(() => CatchUpAsync(schedule, now, cancellationToken), schedule.ScheduleId).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The periodic pass: resumes posts stuck for a while (not ones in progress now) and applies catch-up, leaving alone
    /// schedules whose fire is still queued in <see cref="DailyPostWorker"/> (a large fan-out can hold a fire there for
    /// minutes; it is waiting its turn, not missed).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var post in await ledger.ListIncompleteAsync(cancellationToken).ConfigureAwait(false))
        {
            if (now - post.ClaimedAt >= StuckAfter && !worker.IsPending(post.ScheduleId))
            {
                await TryAsync(() => poster.ResumeAsync(post, cancellationToken), post.ScheduleId).ConfigureAwait(false);
            }
        }

        foreach (var schedule in await schedules.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!worker.IsPending(schedule.ScheduleId))
            {
                await TryAsync(() => CatchUpAsync(schedule, now, cancellationToken), schedule.ScheduleId).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Decides about the schedule's most recent fire before <paramref name="now"/>.</summary>
    public async Task<DailyPostResult?> CatchUpAsync(DailySchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var rule = DailySchedules.Rule(schedule);
        // A fire before the schedule was created or last changed is not "missed": it was never this schedule's.
        var since = schedule.UpdatedAt > schedule.CreatedAt ? schedule.UpdatedAt : schedule.CreatedAt;
        if (rule.LatestAtOrBefore(now) is not { } last || last < since)
        {
            return null;
        }

        var localDate = rule.LocalDateOf(last);
        if (await ledger.GetAsync(schedule.ScheduleId, localDate, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        return CatchUpPolicy.Decide(last, now, TimeSpan.FromMinutes(schedule.GraceMinutes)) switch
        {
            CatchUpDecision.PostNow => await poster.FireAsync(schedule.ScheduleId, last, DailyFireKind.CatchUp, cancellationToken).ConfigureAwait(false),
            CatchUpDecision.Skip => await poster.SkipAsync(schedule, localDate, DailyPoster.MissedReason, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    private async Task TryAsync(Func<Task> work, long scheduleId)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken schedule (deleted channel, lost permissions) must not stop the others' catch-up.
            LogScheduleFailed(logger, e, scheduleId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily start-up work failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily start-up work for schedule {ScheduleId} failed; it is retried at the next start-up")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, long scheduleId);
}
