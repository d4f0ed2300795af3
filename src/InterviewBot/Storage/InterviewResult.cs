namespace InterviewBot.Storage;

/// <summary>What an ended question scored.</summary>
public sealed record InterviewResult(
    InterviewQuestionOutcome Outcome,
    DateTimeOffset EndedAt,
    string? AnswerText,
    IReadOnlyList<string>? CoveredKeyPoints,
    int? CoveredCount,
    int? KeyPointCount,
    long? ReviewId);
