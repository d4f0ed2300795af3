using System.Globalization;
using InterviewBot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewBot.Health;

/// <summary>
/// Healthy when every shard is READY and the oldest last heartbeat ACK is recent; degraded while connecting or
/// resuming; unhealthy when stopped or when ACKs stopped arriving (a zombie connection the client has not yet
/// replaced).
/// </summary>
public sealed class GatewayHealthCheck(IDiscordGateway gateway, TimeProvider time) : IHealthCheck
{
    /// <summary>Discord's heartbeat interval is about 41 s; three missed ACKs mean something is wrong.</summary>
    public static readonly TimeSpan MaxAckAge = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = gateway.State;
        var ack = gateway.LastHeartbeatAck;
        var data = new Dictionary<string, object>
        {
            ["state"] = state.ToString(),
            ["shards"] = gateway.Shards.Count,
        };
        if (ack is not null)
        {
            var age = time.GetUtcNow() - ack.ReceivedAt;
            data["last_heartbeat_ack_age_seconds"] = Math.Round(age.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture);
            data["heartbeat_latency_ms"] = Math.Round(ack.Latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            if (age > MaxAckAge)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("no heartbeat ACK from Discord for over two minutes", data: data));
            }
        }

        return Task.FromResult(state switch
        {
            GatewayState.Ready => HealthCheckResult.Healthy("connected", data),
            GatewayState.Stopped => HealthCheckResult.Unhealthy("the gateway has stopped", data: data),
            _ => HealthCheckResult.Degraded($"gateway {state.ToString().ToLowerInvariant()}", data: data),
        });
    }
}
