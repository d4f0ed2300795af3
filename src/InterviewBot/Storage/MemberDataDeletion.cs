namespace InterviewBot.Storage;

/// <summary>What a member's deletion request removed.</summary>
public sealed record MemberDataDeletion(int Answers, int ReviewsGiven, int HelpfulVotesGiven, int InterviewSessions, int RepetitionStates, int Suggestions, int PromptsAnonymised);
