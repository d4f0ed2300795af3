namespace InterviewBot.Storage;

/// <summary>A member's activity in a period; ranking is Core's job (<c>Core/Stats/Leaderboard</c>).</summary>
public sealed record LeaderboardRow
{
    public required ulong UserId { get; init; }

    public int Answers { get; init; }

    public int ReviewsGiven { get; init; }

    public int HelpfulVotesReceived { get; init; }

    public double? AverageCoverage { get; init; }

    public double? AverageReviewScore { get; init; }
}
