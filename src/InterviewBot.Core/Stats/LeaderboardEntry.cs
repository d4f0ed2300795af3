namespace InterviewBot.Core.Stats;

/// <summary>One member's value for the metric being ranked, plus the tie-breaker inputs.</summary>
public sealed record LeaderboardEntry(ulong MemberId, double Value, int Answers);
