namespace InterviewBot.Core.Stats;

/// <summary>The time window a leaderboard covers.</summary>
public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}
