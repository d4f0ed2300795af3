namespace InterviewBot.Storage;

public interface IInterviewSessionStore
{
    /// <summary>Starts a session; null when the member already has an active one in the guild (enforced by a unique index).</summary>
    Task<InterviewSession?> TryStartAsync(ulong guildId, ulong userId, ulong channelId, IReadOnlyList<string> questionIds, DateTimeOffset now, CancellationToken cancellationToken);

    Task<InterviewSession?> GetAsync(long sessionId, CancellationToken cancellationToken);

    Task<InterviewSession?> FindActiveAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    Task<InterviewSession?> FindByChannelAsync(ulong channelId, CancellationToken cancellationToken);

    /// <summary>Moves an active session to the given question; false when the session is not active or the index is not the expected one.</summary>
    Task<bool> TryAdvanceAsync(long sessionId, int expectedIndex, int newIndex, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends an active session as finished or abandoned; false when it was not active.</summary>
    Task<bool> EndAsync(long sessionId, InterviewSessionStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Active sessions untouched since <paramref name="updatedBefore"/> (for the abandonment sweep).</summary>
    Task<IReadOnlyList<InterviewSession>> ListStaleActiveAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken);
}
