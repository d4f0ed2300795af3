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

    public required IReadOnlyList<RepetitionEntry> RepetitionStates { get; init; }

    public required IReadOnlyList<Suggestion> Suggestions { get; init; }

    public required IReadOnlyList<Prompt> PromptsAsked { get; init; }
}
