using InterviewBot.Core.Repetition;

namespace InterviewBot.Storage;

public interface IRepetitionReviewStore
{
    /// <summary>Logs a review with the state it started from; returns its id.</summary>
    Task<long> AddAsync(ulong guildId, ulong userId, string questionId, RepetitionState? before, RecallGrade grade, DateTimeOffset reviewedAt, CancellationToken cancellationToken);

    Task<RepetitionReview?> GetAsync(long reviewId, CancellationToken cancellationToken);

    /// <summary>The member's newest review of the question, or null.</summary>
    Task<RepetitionReview?> FindLatestAsync(ulong guildId, ulong userId, string questionId, CancellationToken cancellationToken);

    /// <summary>Records the member's own grade for the review.</summary>
    Task SetMemberGradeAsync(long reviewId, RecallGrade grade, CancellationToken cancellationToken);
}
