namespace InterviewBot.Storage;

/// <summary>Stored as lower-case text.</summary>
public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}
