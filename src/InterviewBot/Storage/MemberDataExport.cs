namespace InterviewBot.Storage;

/// <summary>Everything the bot stores about one member in one guild (answered on the member's request).</summary>
public sealed record MemberDataExport
{
    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    public required IReadOnlyList<Answer> Answers { get; init; }

    public required IReadOnlyList<Review> ReviewsGiven { get; init; }

    public required IReadOnlyList<Review> ReviewsReceived { get; init; }

    public required IReadOnlyList<HelpfulVote> HelpfulVotesGiven { get; init; }

    public required IReadOnlyList<InterviewSession> InterviewSessions { get; init; }

    /// <summary>Every question of those sessions, with the member's answer text and its score.</summary>
    public IReadOnlyList<InterviewQuestion> InterviewQuestions { get; init; } = [];

    public required IReadOnlyList<RepetitionEntry> RepetitionStates { get; init; }

    /// <summary>The log of spaced-repetition grades behind <see cref="RepetitionStates"/>.</summary>
    public IReadOnlyList<RepetitionReview> RepetitionReviews { get; init; } = [];

    public required IReadOnlyList<Suggestion> Suggestions { get; init; }

    public required IReadOnlyList<Prompt> PromptsAsked { get; init; }

    /// <summary>The member's <c>/settings</c> in this guild; null when they never changed one.</summary>
    public MemberSettings? Settings { get; init; }

    /// <summary>Local dates a moderator counted as answered for the member's streak.</summary>
    public IReadOnlyList<DateOnly> StreakRestores { get; init; } = [];

    /// <summary>When a practice reminder was last sent to the member (kept per member, not per guild).</summary>
    public ReminderDelivery? ReminderDelivery { get; init; }
}
