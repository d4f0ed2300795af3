namespace InterviewBot.Storage;

/// <summary>A member's totals in one guild. Answers count only while they have a live part.</summary>
public sealed record MemberStats
{
    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    public int Answers { get; init; }

    public int LateAnswers { get; init; }

    public int ReviewsGiven { get; init; }

    public int ReviewsReceived { get; init; }

    /// <summary>Mean of the rubric means of reviews received; null without reviews.</summary>
    public double? AverageReviewScore { get; init; }

    public int HelpfulVotesReceived { get; init; }

    /// <summary>Mean share of key points covered (0..1) over scored answers; null when none is scored.</summary>
    public double? AverageCoverage { get; init; }
}
