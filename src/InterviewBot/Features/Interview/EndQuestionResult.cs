namespace InterviewBot.Features.Interview;

public enum EndQuestionResult
{
    Ended,

    /// <summary>The question had already ended (Done and the deadline raced, or a stale button).</summary>
    NotCurrent,

    /// <summary>Done was pressed before the member wrote anything.</summary>
    NothingWritten,
}
