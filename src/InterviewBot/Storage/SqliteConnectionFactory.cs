using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>
/// Opens connections to the bot's SQLite file with the pragmas every connection needs. Reads use their own
/// connection each; writes go through <see cref="SqliteWriter"/>. See docs/storage.md for why these settings.
/// </summary>
public sealed class SqliteConnectionFactory
{
    /// <summary>How long a connection waits for another process's lock before failing (milliseconds).</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    private readonly string connectionString;
    private int walEnsured;

    public SqliteConnectionFactory(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
        SqliteTypeHandlers.Register();
    }

    public string DatabasePath { get; }

    /// <summary>Opens a connection with WAL, foreign keys, busy timeout, synchronous=NORMAL and secure_delete.</summary>
    public SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (Volatile.Read(ref walEnsured) == 0)
            {
                // journal_mode is stored in the file; setting it once per factory is enough (twice is harmless).
                Execute(connection, "PRAGMA journal_mode = WAL;");
                Volatile.Write(ref walEnsured, 1);
            }

            // These are per connection, and pooled connections keep them, so repeating is cheap. secure_delete zeroes
            // deleted content (a member's erased answers must not linger in free pages); deletes are rare, so its cost is small.
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies every WAL frame into the database file and truncates the WAL to zero bytes (waiting up to the busy
    /// timeout for readers of older snapshots). Returns false when a reader kept it from completing.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is built from constants only, never from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
