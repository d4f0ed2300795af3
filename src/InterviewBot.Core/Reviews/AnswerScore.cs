namespace InterviewBot.Core.Reviews;

/// <summary>
/// An answer's score, 0-100: key-point coverage blended with the peers' mean rubric (documented in docs/scoring.md).
/// With no reviews the score is the coverage. Each review moves the blend towards the peers, up to a 50 % weight at
/// three reviews or more, so one harsh or generous reviewer cannot swing a score alone.
/// </summary>
public static class AnswerScore
{
    public const int ReviewsForFullPeerWeight = 3;
    public const double MaxPeerWeight = 0.5;

    public static double Compute(double coveragePercent, IReadOnlyCollection<Rubric> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var coverage = Math.Clamp(coveragePercent, 0, 100);
        if (reviews.Count == 0)
        {
            return coverage;
        }

        var peer = (reviews.Average(r => r.Mean) - Rubric.Min) / (Rubric.Max - Rubric.Min) * 100;
        var weight = MaxPeerWeight * Math.Min(reviews.Count, ReviewsForFullPeerWeight) / ReviewsForFullPeerWeight;
        return Math.Round(((1 - weight) * coverage) + (weight * peer), 1);
    }
}
