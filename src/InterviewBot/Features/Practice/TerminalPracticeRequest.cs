namespace InterviewBot.Features.Practice;

/// <summary>What the member asked for on the command line: <c>--category</c>, <c>--difficulty</c>, <c>--count</c>, unvalidated.</summary>
public sealed record TerminalPracticeRequest(string? Category = null, string? Difficulty = null, int Count = TerminalPracticeRequest.DefaultCount)
{
    public const int DefaultCount = 5;

    /// <summary>More than this in one sitting is a marathon, not practice; it also bounds the plan.</summary>
    public const int MaxCount = 50;
}
