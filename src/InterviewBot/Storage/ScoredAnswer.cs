namespace InterviewBot.Storage;

/// <summary>
/// An answer with what its score needs (coverage counts) and where it lives (prompt, thread, first live message),
/// for <c>/review next</c>, <c>/stats</c>, <c>/leaderboard</c> and the weekly digest.
/// </summary>
public sealed record ScoredAnswer : IScorableAnswer
{
    public required long AnswerId { get; init; }

    public required long PromptId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    public required string QuestionId { get; init; }

    public required ulong ChannelId { get; init; }

    public ulong? ThreadId { get; init; }

    /// <summary>The first live message of the answer; null when every part was deleted.</summary>
    public ulong? FirstMessageId { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsLate { get; init; }

    /// <summary>No live part is left: the answer is out of every count and score.</summary>
    public bool Deleted { get; init; }

    /// <summary>Whether the prompt has been revealed (peer review opens then).</summary>
    public bool Revealed { get; init; }

    /// <summary>The ids of the key points the answer covered; null until scored at the reveal.</summary>
    /// <remarks>
    /// Read as the stored column, not counted in SQL: a computed column has no declared type, so SQLite reports a NULL
    /// in it as a BLOB and Dapper, which builds its reader from the first row, then fails on a later row's INTEGER
    /// whenever the first answer read was unscored.
    /// </remarks>
    public IReadOnlyList<string>? CoveredKeyPoints { get; init; }

    /// <summary>How many key points the answer covered; null until scored at the reveal.</summary>
    public int? CoveredCount => CoveredKeyPoints?.Count;

    public int? KeyPointCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset PostedAt { get; init; }

    /// <summary>Coverage in percent (0-100), or null while the answer is unscored.</summary>
    public double? CoveragePercent => CoveredCount is { } covered && KeyPointCount is > 0 ? 100.0 * covered / KeyPointCount.Value : null;
}
