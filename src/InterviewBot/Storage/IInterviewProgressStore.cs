namespace InterviewBot.Storage;

/// <summary>An interview's options and per-question results, beside <see cref="IInterviewSessionStore"/>'s session rows.</summary>
public interface IInterviewProgressStore
{
    Task SaveOptionsAsync(InterviewOptions options, CancellationToken cancellationToken);

    Task<InterviewOptions?> GetOptionsAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>Records that a question was asked; asking the same index again (a retry after a crash) keeps the first row.</summary>
    Task<InterviewQuestion> RecordAskedAsync(InterviewQuestion question, CancellationToken cancellationToken);

    /// <summary>Stores the result; false when the question had already ended.</summary>
    Task<bool> RecordResultAsync(long sessionId, int questionIndex, InterviewResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<InterviewQuestion>> ListQuestionsAsync(long sessionId, CancellationToken cancellationToken);

    /// <summary>The member's sessions in the guild, newest first.</summary>
    Task<IReadOnlyList<InterviewSession>> ListSessionsAsync(ulong guildId, ulong userId, int limit, CancellationToken cancellationToken);

    /// <summary>Every active session (to re-arm deadlines and re-read threads after a restart).</summary>
    Task<IReadOnlyList<InterviewSession>> ListActiveAsync(CancellationToken cancellationToken);
}
