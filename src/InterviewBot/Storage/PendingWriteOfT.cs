using Microsoft.Data.Sqlite;

namespace InterviewBot.Storage;

/// <summary>A queued write whose work returns <typeparamref name="T"/>.</summary>
internal sealed class PendingWrite<T> : PendingWrite
{
    private readonly Func<SqliteConnection, SqliteTransaction, Task<T>> work;

    // Continuations run on the pool, never inline on the writer: a caller's next message must not run inside the batch.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken cancellationToken;
    private readonly CancellationTokenRegistration registration;
    private T result = default!;

    public PendingWrite(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        this.work = work;
        this.cancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.UnsafeRegister(static s => ((PendingWrite<T>)s!).OnCancelled(), this);
        }
    }

    public Task<T> Task => completion.Task;

    public override bool IsFinished => completion.Task.IsCompleted;

    public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        result = await work(connection, transaction).ConfigureAwait(false);

    public override void Complete()
    {
        _ = registration.Unregister();
        completion.TrySetResult(result);
    }

    public override void Fail(Exception exception)
    {
        _ = registration.Unregister();
        if (exception is OperationCanceledException cancelled && cancelled.CancellationToken == cancellationToken && cancellationToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            completion.TrySetException(exception);
        }
    }

    private void OnCancelled()
    {
        if (TryAbandon())
        {
            completion.TrySetCanceled(cancellationToken);
        }
    }
}
