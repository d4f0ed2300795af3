using System.Collections.Concurrent;
using System.Threading.Channels;
using InterviewBot.Discord;
using InterviewBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Features.Daily;

/// <summary>
/// Fires waiting to be posted, worked by a few workers that share the <see cref="DailyPostPacer"/>. A failed post is
/// retried a few times with back-off; what is still unfinished (or still queued when the process stops) is picked up by
/// start-up from the ledger and the catch-up rule, so nothing depends on this in-memory queue surviving.
/// </summary>
public sealed partial class DailyPostWorker(
    DailyPoster poster,
    IDailyScheduleStore schedules,
    IOptions<DailyOptions> options,
    IOptions<DiscordClientOptions> discord,
    TimeProvider time,
    ILogger<DailyPostWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    private readonly Channel<DailyFire> _fires = Channel.CreateUnbounded<DailyFire>();
    private readonly ConcurrentDictionary<long, int> _pending = new();
    private readonly ConcurrentDictionary<DateTimeOffset, byte> _expanded = new();
    private readonly ConcurrentDictionary<(long ScheduleId, DateTimeOffset Instant), byte> _coalesced = new();

    public ValueTask EnqueueAsync(DailyFire fire, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fire);
        _pending.AddOrUpdate(fire.ScheduleId, 1, (_, count) => count + 1);
        return _fires.Writer.WriteAsync(fire, cancellationToken);
    }

    /// <summary>
    /// True while a fire of the schedule is queued or being posted here. The periodic sweep leaves such a schedule
    /// alone: under a large fan-out a fire can wait in the queue longer than a short grace window, and the sweep must not
    /// record that day as missed (or race the worker for the same post) while it is only waiting its turn.
    /// </summary>
    public bool IsPending(long scheduleId) => _pending.ContainsKey(scheduleId);

    /// <summary>
    /// Queues, once per instant, every schedule whose fire is due at <paramref name="instant"/> (the first trigger
    /// Quartz fires for that instant calls this). Quartz fires one persistent trigger per schedule, each a few SQLite
    /// transactions, so on its own it hands over a minute shared by thousands of schedules at about a hundred fires a
    /// second, less than the REST budget can post; this way the whole minute is queued at its first fire and posting
    /// runs at the pacer's rate from the start. The later trigger fires of those schedules find the post done (or in
    /// flight) and stop. A schedule counts only if its own rule fires at exactly that instant, it existed in its current
    /// form by then (the test catch-up applies) and the instant is still inside its grace window (its trigger's misfire
    /// threshold), so it is queued exactly when its own trigger would still have fired.
    /// </summary>
    public async Task EnqueueAllDueAtAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        if (!_expanded.TryAdd(instant, 0))
        {
            return;
        }

        var forgetBefore = instant - TimeSpan.FromDays(2);
        foreach (var old in _expanded.Keys.Where(k => k < forgetBefore))
        {
            _expanded.TryRemove(old, out _);
        }

        foreach (var old in _coalesced.Keys.Where(k => k.Instant < forgetBefore))
        {
            _coalesced.TryRemove(old, out _);
        }

        var queued = 0;
        var now = time.GetUtcNow();
        foreach (var schedule in await schedules.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var since = schedule.UpdatedAt > schedule.CreatedAt ? schedule.UpdatedAt : schedule.CreatedAt;
            // Past its grace window Quartz would drop this schedule's fire (misfire) and catch-up records the miss.
            var tooLate = now - instant > DailyScheduler.MisfireThreshold(schedule);
            if (IsPending(schedule.ScheduleId) || since > instant || tooLate || DailySchedules.Rule(schedule).LatestAtOrBefore(instant) != instant)
            {
                continue;
            }

            _coalesced.TryAdd((schedule.ScheduleId, instant), 0);
            await EnqueueAsync(new DailyFire(schedule.ScheduleId, instant, DailyFireKind.Scheduled), cancellationToken).ConfigureAwait(false);
            queued++;
        }

        if (queued > 0)
        {
            LogQueuedAll(logger, queued, instant);
        }
    }

    /// <summary>
    /// True when <see cref="EnqueueAllDueAtAsync"/> already queued this schedule's fire for this instant: the trigger's
    /// own fire, arriving later, has nothing to add (a failed post is resumed by the sweep), so it is not queued again.
    /// </summary>
    public bool WasQueuedWith(long scheduleId, DateTimeOffset instant) => _coalesced.ContainsKey((scheduleId, instant));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, DailyPacing.From(options.Value, discord.Value).Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var fire in _fires.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await PostWithRetriesAsync(fire, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Done(fire.ScheduleId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PostWithRetriesAsync(DailyFire fire, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await poster.FireAsync(fire.ScheduleId, fire.ScheduledAt, fire.Kind, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= Backoff.Length)
                {
                    LogGaveUp(logger, e, fire.ScheduleId, fire.ScheduledAt);
                    return;
                }

                LogRetrying(logger, e, fire.ScheduleId, fire.ScheduledAt, Backoff[attempt]);
                await Task.Delay(Backoff[attempt], time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Done(long scheduleId)
    {
        while (_pending.TryGetValue(scheduleId, out var count))
        {
            if (count <= 1 ? _pending.TryRemove(new KeyValuePair<long, int>(scheduleId, count)) : _pending.TryUpdate(scheduleId, count - 1, count))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} more daily posts due {Instant} with the first trigger fired for that instant")]
    private static partial void LogQueuedAll(ILogger logger, int count, DateTimeOffset instant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed repeatedly; the next start-up resumes it from the ledger")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt);
}
