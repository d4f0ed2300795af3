using InterviewBot.Core.Reviews;
using InterviewBot.Storage;

namespace InterviewBot.Features.Review;

/// <summary>Answer scores (docs/scoring.md): coverage blended with the peers' rubric; deleted answers and their reviews count nowhere.</summary>
public static class AnswerScores
{
    /// <summary>Score per answer id for every live, scored answer in <paramref name="answers"/>.</summary>
    public static IReadOnlyDictionary<long, double> Compute(IEnumerable<IScorableAnswer> answers, IEnumerable<ReviewActivity> reviews)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(reviews);
        var byAnswer = reviews.Where(r => !r.AnswerDeleted).ToLookup(r => r.AnswerId);
        var scores = new Dictionary<long, double>();
        foreach (var answer in answers)
        {
            if (!answer.Deleted && answer.CoveragePercent is { } coverage)
            {
                scores[answer.AnswerId] = AnswerScore.Compute(coverage, [.. byAnswer[answer.AnswerId].Select(r => r.Rubric)]);
            }
        }

        return scores;
    }
}
