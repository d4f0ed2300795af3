namespace InterviewBot.Storage;

/// <summary>How a member asked for their interview to run.</summary>
public sealed record InterviewOptions
{
    public required long SessionId { get; init; }

    /// <summary>The track or category the questions were drawn from (e.g. <c>backend</c>, <c>databases</c>).</summary>
    public required string Track { get; init; }

    public required int MinutesPerQuestion { get; init; }

    /// <summary>True: coverage and reference answers are held until the summary (<c>feedback:end</c>).</summary>
    public bool FeedbackAtEnd { get; init; }

    /// <summary>True when the server does not allow private threads, so the interview runs in a public one.</summary>
    public bool PublicThread { get; init; }
}
