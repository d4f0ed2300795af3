namespace InterviewBot.Storage;

/// <summary>How a question of an interview ended. Stored as lower-case text.</summary>
public enum InterviewQuestionOutcome
{
    /// <summary>The member pressed Done.</summary>
    Answered,

    /// <summary>The deadline passed; whatever the member wrote by then is scored.</summary>
    Expired,

    Skipped,

    /// <summary>The interview was stopped during this question.</summary>
    Stopped,
}
