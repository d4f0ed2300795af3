namespace InterviewBot.Storage;

public interface IAnswerStore
{
    /// <summary>
    /// Adds or updates one part of the member's answer, creating the answer on the first part; returns the
    /// answer id. Writing the same message again with new text is an edit; with the same text, nothing changes.
    /// </summary>
    Task<long> UpsertPartAsync(AnswerPartWrite part, CancellationToken cancellationToken);

    /// <summary>Marks the part deleted (the text stays until retention or the member's deletion request); returns its answer id, or null for an unknown message.</summary>
    Task<long?> SoftDeletePartAsync(ulong messageId, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    Task<Answer?> GetAsync(long answerId, CancellationToken cancellationToken);

    Task<Answer?> FindAsync(long promptId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Answers to the prompt that still have a live part, oldest first.</summary>
    Task<IReadOnlyList<Answer>> ListForPromptAsync(long promptId, CancellationToken cancellationToken);

    Task<bool> SetCoverageAsync(long answerId, IReadOnlyList<string> coveredKeyPoints, int keyPointCount, CancellationToken cancellationToken);
}
