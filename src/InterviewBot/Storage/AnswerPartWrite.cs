namespace InterviewBot.Storage;

/// <summary>A member's message in a prompt's thread (or a private blind-mode submission), new or edited.</summary>
public sealed record AnswerPartWrite
{
    public required long PromptId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>The Discord message id (or interaction id for a private submission); orders the parts.</summary>
    public required ulong MessageId { get; init; }

    /// <summary>Stored exactly as written.</summary>
    public required string Content { get; init; }

    /// <summary>When the message was written, or edited for an edit.</summary>
    public required DateTimeOffset WrittenAt { get; init; }

    public bool IsPrivate { get; init; }

    /// <summary>Written after the reveal; kept only when the answer is created.</summary>
    public bool IsLate { get; init; }
}
