namespace InterviewBot.Storage;

/// <summary>
/// An answer as <c>/leaderboard</c>'s score needs it and nothing more: who wrote it, whether it still counts, its
/// coverage counts. No prompt, thread or message columns.
/// </summary>
public sealed record AnswerScoreInput : IScorableAnswer
{
    public required long AnswerId { get; init; }

    public required ulong UserId { get; init; }

    public bool Deleted { get; init; }

    /// <summary>The ids of the key points the answer covered; null until scored at the reveal (see <see cref="ScoredAnswer.CoveredKeyPoints"/>).</summary>
    public IReadOnlyList<string>? CoveredKeyPoints { get; init; }

    public int? KeyPointCount { get; init; }

    public double? CoveragePercent => CoveredKeyPoints is { } covered && KeyPointCount is > 0 ? 100.0 * covered.Count / KeyPointCount.Value : null;
}
