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
/// with that exception and none of it is stored. A lone write never waits for company: in a quiet process it runs on
/// its caller's thread, exactly one transaction as before; when other work is waiting for pool threads, the batch runs
/// on a pool thread queued behind that work, so writes about to be issued join it. See docs/storage.md.
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
    private readonly Dictionary<string, SqliteCommand> preparedCommands = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
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
        if (!drainer.Wait(0, CancellationToken.None))
        {
            return write.Task; // the running batch takes it, or the next one
        }

        if (ThreadPool.PendingWorkItemCount == 0)
        {
            return LeadAsync(write);
        }

        // Work is waiting for pool threads, often other callers about to write: the batch runs on a pool thread queued
        // behind them, so their writes join it instead of each committing alone.
        QueueDrain();
        return write.Task;
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

    /// <summary>
    /// A command for <paramref name="sql"/> on the writer's connection, compiled once and reused by later writes, so
    /// SQLite does not parse and plan the statement again for every write. For hot paths, called from inside a write's
    /// work with the transaction it was given; the command must not be kept beyond that work. Its parameters stay from
    /// the previous use: set every one of them each time.
    /// </summary>
    public SqliteCommand PreparedCommand(SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(sql);
        if (connection is null || !ReferenceEquals(transaction.Connection, connection))
        {
            throw new InvalidOperationException("A prepared command is only for the transaction a write's work was given.");
        }

        if (!preparedCommands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // Callers pass their constant SQL; values go in parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            preparedCommands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
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

    /// <summary>
    /// The caller found the writer idle and the process otherwise quiet: it runs the batch on its own thread, so a lone
    /// write waits for no hand-off. Once its own write is settled and more are queued, a pool thread takes over the rest
    /// and the caller goes on.
    /// </summary>
    private async Task<T> LeadAsync<T>(PendingWrite<T> own)
    {
        await DrainAsync(own).ConfigureAwait(false);
        return await own.Task.ConfigureAwait(false);
    }

    private void QueueDrain() => ThreadPool.UnsafeQueueUserWorkItem(static w => _ = w.DrainAsync(null), this, preferLocal: false);

    /// <summary>Runs batches until the queue is empty; entered holding <see cref="drainer"/>. Never throws.</summary>
    private async Task DrainAsync(PendingWrite? own)
    {
        while (true)
        {
            while (!queue.IsEmpty)
            {
                if (own is { IsFinished: true })
                {
                    QueueDrain();
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
                    Execute(transaction, "SAVEPOINT write;");
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
                        Execute(transaction, "RELEASE write;");
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
                Execute(transaction, "ROLLBACK TO write;");
                Execute(transaction, "RELEASE write;");
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

    private SqliteConnection OpenConnection() => factory.Open();

    private void Execute(SqliteTransaction transaction, string sql) => PreparedCommand(transaction, sql).ExecuteNonQuery();

    private void ResetConnection(bool clearPool)
    {
        foreach (var command in preparedCommands.Values)
        {
            command.Dispose();
        }

        preparedCommands.Clear();
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
