using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>
/// The single writer: every write transaction in the process runs here, one at a time, on one connection, as
/// <c>BEGIN IMMEDIATE</c>. Serialising in the process means concurrent handlers queue on a semaphore instead of
/// racing for SQLite's write lock, so they never see "database is locked"; IMMEDIATE takes the lock at the start,
/// so a transaction never fails half-way by upgrading a read lock. Another process (the backup verb) is
/// waited for by busy_timeout.
/// </summary>
public sealed class SqliteWriter(SqliteConnectionFactory factory) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private bool disposed;

    /// <summary>Runs <paramref name="work"/> in an immediate transaction and commits it; rolls back if it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            connection ??= factory.Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await WriteAsync<bool>(
            async (c, t) =>
            {
                await work(c, t).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        gate.Wait();
        try
        {
            disposed = true;
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            gate.Release();
        }
    }
}
