using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace InterviewBot.Hosting;

/// <summary>
/// Puts Quartz's SQLite file in WAL mode before the scheduler starts (the mode is stored in the file, so once is
/// enough). Quartz opens its connections with SQLite's defaults, a rollback journal, which syncs the disk two or three
/// times per commit; every /ask and daily post schedules a reveal trigger through Quartz's single store lock, so that
/// commit bounded posting at about 50 questions a second on the benchmark machine (docs/performance.md). WAL keeps the
/// default synchronous=FULL, so a committed trigger still survives a power cut.
/// </summary>
public sealed class SchedulerDatabaseSetup(string databasePath) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
