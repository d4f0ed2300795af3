using InterviewBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewBot.Health;

/// <summary>Healthy when the SQLite database answers a query.</summary>
public sealed class DatabaseHealthCheck(SqliteConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = connections.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("reachable", new Dictionary<string, object> { ["schema_version"] = version ?? 0 });
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return HealthCheckResult.Unhealthy("the database cannot be read", e);
        }
    }
}
