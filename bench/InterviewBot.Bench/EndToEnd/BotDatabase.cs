using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>Read-only look into the bot's SQLite file while it runs (WAL lets a reader in beside the writer).</summary>
public static class BotDatabase
{
    public static int Count(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names are constants of this program
        command.CommandText = "SELECT count(*) FROM " + table;
#pragma warning restore CA2100
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until <paramref name="table"/> has stopped growing for two seconds; returns the time waited.</summary>
    public static async Task<TimeSpan> WaitUntilSettledAsync(string databasePath, string table, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var last = Count(databasePath, table);
        var stableSince = clock.Elapsed;
        while (clock.Elapsed < limit)
        {
            await Task.Delay(250);
            var now = Count(databasePath, table);
            if (now != last)
            {
                last = now;
                stableSince = clock.Elapsed;
            }
            else if (clock.Elapsed - stableSince >= TimeSpan.FromSeconds(2))
            {
                return stableSince;
            }
        }

        return clock.Elapsed;
    }
}
