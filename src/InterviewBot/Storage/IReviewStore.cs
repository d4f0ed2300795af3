using InterviewBot.Core.Reviews;

namespace InterviewBot.Storage;

public interface IReviewStore
{
    /// <summary>Creates the reviewer's review of the answer, or replaces their earlier one (the schema allows one).</summary>
    Task<ReviewUpsert> UpsertAsync(long answerId, ulong guildId, ulong reviewerId, Rubric rubric, string? comment, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Review?> GetAsync(long reviewId, CancellationToken cancellationToken);

    Task<Review?> FindAsync(long answerId, ulong reviewerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Review>> ListForAnswerAsync(long answerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Review>> ListForPromptAsync(long promptId, CancellationToken cancellationToken);

    /// <summary>One helpful vote per member per review; false when the member already voted.</summary>
    Task<bool> AddHelpfulVoteAsync(long reviewId, ulong voterId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> RemoveHelpfulVoteAsync(long reviewId, ulong voterId, CancellationToken cancellationToken);
}
