using System.Collections.Concurrent;
using System.Threading.Channels;
using InterviewBot.Discord;
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
    IOptions<DailyOptions> options,
    IOptions<DiscordClientOptions> discord,
    TimeProvider time,
    ILogger<DailyPostWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    private readonly Channel<DailyFire> _fires = Channel.CreateUnbounded<DailyFire>();
    private readonly ConcurrentDictionary<long, int> _pending = new();

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed repeatedly; the next start-up resumes it from the ledger")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt);
}
