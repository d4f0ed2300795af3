namespace InterviewBot.Core.Reviews;

/// <summary>
/// An answer that might be offered by <c>/review next</c>: who wrote it, to which prompt, when, and every review it
/// has had so far (<paramref name="ReviewedAt"/>: one instant per review; <paramref name="ReviewerIds"/>: who wrote them).
/// </summary>
public sealed record ReviewCandidate(
    long AnswerId,
    ulong AuthorId,
    long PromptId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DateTimeOffset> ReviewedAt,
    IReadOnlyCollection<ulong> ReviewerIds,
    bool Deleted = false);
