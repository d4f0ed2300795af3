namespace InterviewBot.Core.Reviews;

/// <summary>
/// The rules of peer review, and how reviewers earn points.
/// <list type="bullet">
/// <item>Nobody reviews their own answer.</item>
/// <item>Each rubric mark (correctness, depth, clarity) is a whole number from <see cref="Rubric.Min"/> to <see cref="Rubric.Max"/>.</item>
/// <item>A comment is optional and at most <see cref="MaxCommentLength"/> characters.</item>
/// <item>A review can be marked helpful once per member, and never by its own author.</item>
/// <item>
/// Reviewer points = <see cref="PointsPerReview"/> (1) per review given + <see cref="PointsPerHelpfulVote"/> (2) per
/// helpful vote the member's reviews received. A helpful vote is worth more than a review, so a careful review
/// that others found useful outscores several quick ones. Documented in docs/scoring.md ("Reviewer points").
/// </item>
/// </list>
/// </summary>
public static class ReviewRules
{
    public const int PointsPerReview = 1;
    public const int PointsPerHelpfulVote = 2;
    public const int MaxCommentLength = Rubric.MaxCommentLength;

    /// <summary>Checks a review typed by <paramref name="reviewerId"/> of an answer by <paramref name="answerAuthorId"/>.</summary>
    public static ReviewSubmission CheckReview(ulong reviewerId, ulong answerAuthorId, int correctness, int depth, int clarity, string? comment)
    {
        if (reviewerId == answerAuthorId)
        {
            return new ReviewSubmission(null, null, ["You can't review your own answer. Try `/review next` for someone else's."]);
        }

        var problems = new List<string>();
        if (!Rubric.TryCreate(correctness, depth, clarity, out var rubric, out var error))
        {
            problems.Add(char.ToUpperInvariant(error![0]) + error[1..]);
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            problems.Add($"Your comment is {text.Length} characters; keep it to {MaxCommentLength}.");
        }

        return new ReviewSubmission(problems.Count == 0 ? rubric : null, text, problems);
    }

    /// <summary>Whether <paramref name="voterId"/> may mark a review by <paramref name="reviewAuthorId"/> as helpful.</summary>
    public static RuleCheck CheckHelpfulVote(ulong voterId, ulong reviewAuthorId, bool alreadyVoted)
    {
        if (voterId == reviewAuthorId)
        {
            return RuleCheck.Refuse("You can't mark your own review as helpful.");
        }

        return alreadyVoted
            ? RuleCheck.Refuse("You already marked this review as helpful.")
            : RuleCheck.Allow;
    }

    /// <summary>A reviewer's points: 1 per review given + 2 per helpful vote received.</summary>
    public static int ReviewerPoints(int reviewsGiven, int helpfulVotesReceived)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reviewsGiven);
        ArgumentOutOfRangeException.ThrowIfNegative(helpfulVotesReceived);
        return checked((PointsPerReview * reviewsGiven) + (PointsPerHelpfulVote * helpfulVotesReceived));
    }
}
