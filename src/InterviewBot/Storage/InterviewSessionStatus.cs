namespace InterviewBot.Storage;

/// <summary>Stored as lower-case text.</summary>
public enum InterviewSessionStatus
{
    Active,
    Finished,
    Abandoned,
}
