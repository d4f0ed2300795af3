using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Features.Daily;

/// <summary>
/// Fires waiting to be posted, worked by a few workers that share the <see cref="DailyPostPacer"/>. A failed post is
/// retried a few times with back-off; what is still unfinished (or still queued when the process stops) is picked up by
/// start-up from the ledger and the catch-up rule, so nothing depends on this in-memory queue surviving.
/// </summary>
public sealed partial class DailyPostWorker(DailyPoster poster, IOptions<DailyOptions> options, TimeProvider time, ILogger<DailyPostWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    private readonly Channel<DailyFire> _fires = Channel.CreateUnbounded<DailyFire>();

    public ValueTask EnqueueAsync(DailyFire fire, CancellationToken cancellationToken) => _fires.Writer.WriteAsync(fire, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var fire in _fires.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await PostWithRetriesAsync(fire, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post for schedule {ScheduleId} due {ScheduledAt} failed repeatedly; the next start-up resumes it from the ledger")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long scheduleId, DateTimeOffset scheduledAt);
}
