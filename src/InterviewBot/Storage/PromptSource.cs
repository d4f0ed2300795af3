namespace InterviewBot.Storage;

/// <summary>Why a question was posted. Stored as lower-case text.</summary>
public enum PromptSource
{
    Daily,
    Ask,
    Interview,
}
