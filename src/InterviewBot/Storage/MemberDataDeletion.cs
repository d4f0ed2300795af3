namespace InterviewBot.Storage;

/// <summary>What a member's deletion request removed.</summary>
public sealed record MemberDataDeletion(int Answers, int ReviewsGiven, int HelpfulVotesGiven, int InterviewSessions, int RepetitionStates, int Suggestions, int PromptsAnonymised)
{
    /// <summary>Rows of <c>member_settings</c> (0 or 1).</summary>
    public int Settings { get; init; }

    public int StreakRestores { get; init; }

    public int RepetitionReviews { get; init; }

    /// <summary>Rows of <c>reminder_deliveries</c> (0 or 1; removed once the member has settings in no guild).</summary>
    public int ReminderDeliveries { get; init; }
}
