using InterviewBot.Core.Repetition;
using InterviewBot.Storage;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>
/// The one way a scored answer updates spaced repetition (/ask and daily reveals, /interview, /practice): applies
/// SM-2 with the grade implied by coverage and logs the review with the state it started from, so the member's own
/// Again / Hard / Good / Easy replaces that grade for the same review instead of stacking a second one.
/// </summary>
public sealed class RecallRecorder(ISpacedRepetitionStore states, IRepetitionReviewStore reviews)
{
    /// <summary>Applies a review and returns its id (for the recall buttons) and the new state.</summary>
    public async Task<(long ReviewId, RepetitionState State)> RecordAsync(ulong guildId, ulong userId, string questionId, RecallGrade grade, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = await states.GetAsync(guildId, userId, questionId, cancellationToken).ConfigureAwait(false);
        var after = Sm2Scheduler.Review(before ?? RepetitionState.New(now), grade, now);
        var reviewId = await reviews.AddAsync(guildId, userId, questionId, before, grade, now, cancellationToken).ConfigureAwait(false);
        await states.SaveAsync(guildId, userId, questionId, after, cancellationToken).ConfigureAwait(false);
        return (reviewId, after);
    }

    /// <summary>Redoes the review with the member's grade, from the state it started from.</summary>
    public async Task<RegradeResult> RegradeAsync(long reviewId, ulong guildId, ulong userId, RecallGrade grade, CancellationToken cancellationToken)
    {
        var review = await reviews.GetAsync(reviewId, cancellationToken).ConfigureAwait(false);
        if (review is null || review.GuildId != guildId || review.UserId != userId)
        {
            return new RegradeResult(RegradeStatus.NotYours, null);
        }

        var latest = await reviews.FindLatestAsync(guildId, userId, review.QuestionId, cancellationToken).ConfigureAwait(false);
        if (latest?.ReviewId != reviewId)
        {
            // A newer review already built on this one; rewriting history under it would lose that review.
            return new RegradeResult(RegradeStatus.Superseded, null);
        }

        var after = Sm2Scheduler.Review(review.Before ?? RepetitionState.New(review.ReviewedAt), grade, review.ReviewedAt);
        await states.SaveAsync(guildId, userId, review.QuestionId, after, cancellationToken).ConfigureAwait(false);
        await reviews.SetMemberGradeAsync(reviewId, grade, cancellationToken).ConfigureAwait(false);
        return new RegradeResult(RegradeStatus.Regraded, after);
    }
}
