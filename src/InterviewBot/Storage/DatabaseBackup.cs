using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>
/// Online backup of the bot's database with SQLite's backup API: a consistent snapshot even while the bot writes,
/// verified with <c>PRAGMA integrity_check</c> before it gets its final name. Restore is documented in docs/storage.md.
/// </summary>
public static class DatabaseBackup
{
    /// <summary><c>&lt;data dir&gt;/backups/interviewbot-yyyyMMdd-HHmmss.db</c>, in UTC.</summary>
    public static string DefaultPath(string dataDirectory, DateTimeOffset now) =>
        Path.Combine(dataDirectory, "backups", string.Create(CultureInfo.InvariantCulture, $"interviewbot-{now.UtcDateTime:yyyyMMdd-HHmmss}.db"));

    /// <summary>Copies <paramref name="sourcePath"/> to <paramref name="destinationPath"/>, which must not exist yet; throws <see cref="BackupFailedException"/>.</summary>
    public static Task BackupAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        sourcePath = Path.GetFullPath(sourcePath);
        destinationPath = Path.GetFullPath(destinationPath);
        if (!File.Exists(sourcePath))
        {
            throw new BackupFailedException($"no database at '{sourcePath}'. Set InterviewBot__DataDirectory to the bot's data directory.");
        }

        if (File.Exists(destinationPath))
        {
            throw new BackupFailedException($"'{destinationPath}' already exists; choose another --to file.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var partial = destinationPath + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destinationPath)!);
            File.Delete(partial);
            using (var source = Open(sourcePath, SqliteOpenMode.ReadWrite))
            using (var destination = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                // One step copies every page under a single read transaction: a snapshot, never a mix of two commits.
                source.BackupDatabase(destination);

                // The copy should be one self-contained file, not a WAL database that needs its -wal beside it.
                destination.Execute("PRAGMA journal_mode = DELETE;");
                var integrity = destination.Query<string>("PRAGMA integrity_check;").ToList();
                if (integrity is not ["ok"])
                {
                    throw new BackupFailedException($"the backup failed its integrity check ({string.Join("; ", integrity.Take(3))}); nothing was written to '{destinationPath}'.");
                }
            }

            File.Move(partial, destinationPath);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException($"backup of '{sourcePath}' to '{destinationPath}' failed: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        return Task.CompletedTask;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {SqliteConnectionFactory.BusyTimeoutMilliseconds};");
        return connection;
    }
}
