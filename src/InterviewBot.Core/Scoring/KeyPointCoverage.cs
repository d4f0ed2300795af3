using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Scoring;

/// <summary>Whether an answer made one key point, and the phrase that showed it.</summary>
public sealed record KeyPointCoverage(KeyPoint KeyPoint, bool Covered, string? MatchedPhrase);
