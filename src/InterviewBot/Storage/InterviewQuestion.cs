namespace InterviewBot.Storage;

/// <summary>One question asked in an interview session and, once it ended, its result.</summary>
public sealed record InterviewQuestion
{
    public required long SessionId { get; init; }

    public required int QuestionIndex { get; init; }

    public required string QuestionId { get; init; }

    /// <summary>The bot's message asking the question; the member's answer is their messages after it.</summary>
    public required ulong MessageId { get; init; }

    public required DateTimeOffset AskedAt { get; init; }

    public required DateTimeOffset DeadlineAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public InterviewQuestionOutcome? Outcome { get; init; }

    public string? AnswerText { get; init; }

    public IReadOnlyList<string>? CoveredKeyPoints { get; init; }

    public int? CoveredCount { get; init; }

    public int? KeyPointCount { get; init; }

    /// <summary>The spaced-repetition review this answer made (for the recall buttons); null when nothing was scored.</summary>
    public long? ReviewId { get; init; }

    public bool IsScored => CoveredCount is not null && KeyPointCount is not null;
}
