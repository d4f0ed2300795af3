namespace InterviewBot.Storage;

public interface IThreadCheckpointStore
{
    /// <summary>Moves the checkpoint forward; an older message id never moves it back.</summary>
    Task AdvanceAsync(ulong threadId, ulong guildId, long? promptId, ulong lastMessageId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ThreadCheckpoint?> GetAsync(ulong threadId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ThreadCheckpoint>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a thread that closed.</summary>
    Task<bool> RemoveAsync(ulong threadId, CancellationToken cancellationToken);
}
