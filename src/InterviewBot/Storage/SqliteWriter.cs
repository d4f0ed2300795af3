using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace InterviewBot.Storage;

/// <summary>
/// The single writer: every write transaction in the process runs here, on one connection, as <c>BEGIN IMMEDIATE</c>.
/// Serialising in the process means concurrent handlers queue in memory instead of racing for SQLite's write lock, so
/// they never see "database is locked"; IMMEDIATE takes the lock at the start, so a transaction never fails half-way by
/// upgrading a read lock. Another process (the backup verb) is waited for by busy_timeout.
/// <para>
/// Group commit: writes queued while a transaction is running join it, in queue order, each inside its own
/// <c>SAVEPOINT</c> (the first write of a transaction is guarded by the transaction itself), up to
/// <see cref="MaxBatchWrites"/> writes or <see cref="MaxBatchDuration"/> of work. A write whose work throws is rolled
/// back to its savepoint and its caller gets the exception; its batch-mates go on and commit. A caller's task
/// completes only after the COMMIT that made its write durable; if the COMMIT fails, every write in the batch fails
/// with that exception and none of it is stored. A lone write runs on its caller's thread with no added wait, exactly
/// one transaction as before. See docs/storage.md.
/// </para>
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    /// <summary>The most writes one transaction takes.</summary>
    public const int MaxBatchWrites = 256;

    /// <summary>No write joins a transaction that has been open this long, so a batch holds its first caller only briefly.</summary>
    public static readonly TimeSpan MaxBatchDuration = TimeSpan.FromMilliseconds(5);

    private readonly SqliteConnectionFactory factory;
    private readonly TimeProvider time;
    private readonly ConcurrentQueue<PendingWrite> queue = new();

    // Whoever holds it runs the batches (the first caller to find the writer idle, or a pool thread it hands over to);
    // everyone else only queues. The fields below belong to the holder.
    private readonly SemaphoreSlim drainer = new(1, 1);
    private readonly List<PendingWrite> awaitingCommit = [];
    private SqliteConnection? connection;
    private SqliteCommand? savepoint;
    private SqliteCommand? releaseSavepoint;
    private SqliteCommand? rollbackToSavepoint;
    private volatile bool disposed;

    public SqliteWriter(SqliteConnectionFactory factory)
        : this(factory, TimeProvider.System)
    {
    }

    public SqliteWriter(SqliteConnectionFactory factory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(time);
        this.factory = factory;
        this.time = time;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an immediate transaction, possibly shared with other queued writes, and completes
    /// after that transaction committed. If <paramref name="work"/> throws, everything it wrote is rolled back and the
    /// exception is the task's; a commit failure is every batched caller's. Never call Discord from inside
    /// <paramref name="work"/>, and use only the given connection and transaction.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (disposed)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter)));
        }

        var write = new PendingWrite<T>(work, cancellationToken);
        queue.Enqueue(write);
        return drainer.Wait(0, CancellationToken.None) ? LeadAsync(write) : write.Task;
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
        disposed = true;
        drainer.Wait();
        ResetConnection(clearPool: false);
        while (true)
        {
            FailQueued();
            drainer.Release();
            if (queue.IsEmpty || !drainer.Wait(0, CancellationToken.None))
            {
                return;
            }
        }
    }

    /// <summary>The caller found the writer idle: it runs batches itself until its own write is settled.</summary>
    private async Task<T> LeadAsync<T>(PendingWrite<T> own)
    {
        await DrainAsync(own).ConfigureAwait(false);
        return await own.Task.ConfigureAwait(false);
    }

    /// <summary>Runs batches until the queue is empty; entered holding <see cref="drainer"/>. Never throws.</summary>
    private async Task DrainAsync(PendingWrite? own)
    {
        while (true)
        {
            while (!queue.IsEmpty)
            {
                if (own is { IsFinished: true })
                {
                    // The leading caller's write is settled: a pool thread takes over the rest, so that caller goes on now.
                    _ = Task.Run(() => DrainAsync(null));
                    return;
                }

                await RunBatchAsync().ConfigureAwait(false);
            }

            drainer.Release();

            // A write queued between the emptiness check and the release found the drainer taken and left it to us.
            if (queue.IsEmpty || !drainer.Wait(0, CancellationToken.None))
            {
                return;
            }
        }
    }

    private async Task RunBatchAsync()
    {
        if (disposed)
        {
            FailQueued();
            return;
        }

        SqliteTransaction? transaction = null;
        long openedAt = 0;
        var taken = 0;
        while (taken < MaxBatchWrites
               && (transaction is null || time.GetElapsedTime(openedAt) < MaxBatchDuration)
               && queue.TryDequeue(out var write))
        {
            if (!write.TryStart())
            {
                continue; // its caller cancelled while it waited
            }

            taken++;
            if (transaction is null)
            {
                try
                {
                    connection ??= OpenConnection();
                    transaction = connection.BeginTransaction(deferred: false);
                    openedAt = time.GetTimestamp();
                }
                catch (Exception e)
                {
                    // As before group commit: the write that could not begin gets the error; the next batch tries again.
                    write.Fail(e);
                    ResetConnection(clearPool: true);
                    return;
                }
            }

            var guarded = awaitingCommit.Count > 0;
            try
            {
                if (guarded)
                {
                    Execute(savepoint!, transaction);
                }
            }
            catch (Exception e)
            {
                write.Fail(e);
                LoseBatch(transaction, e);
                return;
            }

            Exception? failure = null;
            try
            {
                await write.RunAsync(connection!, transaction).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (!InTransaction())
            {
                // SQLite rolled the whole transaction back (I/O error, disk full, a statement's ON CONFLICT ROLLBACK, or
                // the connection was closed): whatever the batch-mates wrote is gone, so none of them may be acknowledged.
                var lost = failure ?? new InvalidOperationException("The write transaction was rolled back by SQLite while a write ran.");
                write.Fail(lost);
                LoseBatch(transaction, lost);
                return;
            }

            if (failure is null)
            {
                try
                {
                    if (guarded)
                    {
                        Execute(releaseSavepoint!, transaction);
                    }
                }
                catch (Exception e)
                {
                    write.Fail(e);
                    LoseBatch(transaction, e);
                    return;
                }

                awaitingCommit.Add(write);
                continue;
            }

            if (!guarded)
            {
                // The first write of the transaction: rolling the transaction back undoes exactly this write.
                RollBack(transaction);
                transaction = null;
                write.Fail(failure);
                continue;
            }

            try
            {
                Execute(rollbackToSavepoint!, transaction);
                Execute(releaseSavepoint!, transaction);
            }
            catch (Exception e)
            {
                write.Fail(failure);
                LoseBatch(transaction, e);
                return;
            }

            write.Fail(failure);
        }

        if (transaction is null)
        {
            return;
        }

        try
        {
            transaction.Commit();
        }
        catch (Exception e)
        {
            LoseBatch(transaction, e);
            return;
        }

        transaction.Dispose();
        foreach (var committed in awaitingCommit)
        {
            committed.Complete();
        }

        awaitingCommit.Clear();
    }

    /// <summary>The batch's transaction failed as a whole: roll back what is left of it and fail every write that waited for its commit.</summary>
    private void LoseBatch(SqliteTransaction transaction, Exception exception)
    {
        RollBack(transaction);
        foreach (var write in awaitingCommit)
        {
            write.Fail(exception);
        }

        awaitingCommit.Clear();
    }

    private void RollBack(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose(); // rolls back unless SQLite already did
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // Nothing more to undo here; the connection is replaced below.
        }

        if (connection is null || connection.State != ConnectionState.Open || InTransaction())
        {
            // A connection that still holds a transaction (or was closed) must never serve another batch or go back to the pool.
            ResetConnection(clearPool: true);
        }
    }

    private bool InTransaction() =>
        connection is { State: ConnectionState.Open } open && raw.sqlite3_get_autocommit(open.Handle) == 0;

    private SqliteConnection OpenConnection()
    {
        var opened = factory.Open();
        savepoint = Prepare(opened, "SAVEPOINT write;");
        releaseSavepoint = Prepare(opened, "RELEASE write;");
        rollbackToSavepoint = Prepare(opened, "ROLLBACK TO write;");
        return opened;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is one of three constants, never input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private void ResetConnection(bool clearPool)
    {
        savepoint?.Dispose();
        releaseSavepoint?.Dispose();
        rollbackToSavepoint?.Dispose();
        savepoint = releaseSavepoint = rollbackToSavepoint = null;
        if (connection is not null && clearPool)
        {
            SqliteConnection.ClearPool(connection);
        }

        connection?.Dispose();
        connection = null;
    }

    private void FailQueued()
    {
        while (queue.TryDequeue(out var write))
        {
            if (write.TryStart())
            {
                write.Fail(new ObjectDisposedException(nameof(SqliteWriter)));
            }
        }
    }
}
