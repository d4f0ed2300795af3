namespace InterviewBot.Core.Stats;

public sealed record RankedEntry(int Rank, LeaderboardEntry Entry);
