using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace InterviewBot.Health;

/// <summary>Healthy while the Quartz scheduler runs (reveals, daily posts and digests depend on it).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["status"] = status.ToString() };
        return status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("running", data),
            SchedulerStatus.Created or SchedulerStatus.Standby => HealthCheckResult.Degraded("not running yet", data: data),
            _ => HealthCheckResult.Unhealthy($"scheduler {status.ToString().ToLowerInvariant()}", data: data),
        };
    }
}
