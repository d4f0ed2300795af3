using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>
/// One caller's write waiting in <see cref="SqliteWriter"/>'s queue. Only the writer completes it, and only after the
/// outcome is final: rolled back (its own failure), committed, or lost with its batch.
/// </summary>
internal abstract class PendingWrite
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Abandoned = 2;

    private int state;

    /// <summary>True once the caller's task has its outcome (or the caller gave up while it was queued).</summary>
    public abstract bool IsFinished { get; }

    /// <summary>Claims the write for running; false if the caller cancelled it while it was queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref state, Running, Queued) == Queued;

    /// <summary>Runs the caller's work inside the open transaction, keeping its result until the commit.</summary>
    public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>The batch committed: hands the result to the caller.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    /// <summary>The caller's token fired while the write was still queued: it will never run.</summary>
    protected bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Queued) == Queued;
}
