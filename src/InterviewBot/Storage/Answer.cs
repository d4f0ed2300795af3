namespace InterviewBot.Storage;

/// <summary>One member's answer to one prompt: their live messages in message-id order.</summary>
public sealed record Answer
{
    public required long AnswerId { get; init; }

    public required long PromptId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsLate { get; init; }

    /// <summary>Key point ids the answer covered; null until scored.</summary>
    public IReadOnlyList<string>? CoveredKeyPoints { get; init; }

    public int? KeyPointCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every part, deleted ones included, in message-id order.</summary>
    public IReadOnlyList<AnswerPart> Parts { get; init; } = [];

    /// <summary>The live parts joined by newlines.</summary>
    public string Content => string.Join('\n', Parts.Where(p => p.DeletedAt is null).Select(p => p.Content));

    public bool HasContent => Parts.Any(p => p.DeletedAt is null);

    /// <summary>The text that is scored: live parts in posting order, capped (<see cref="Core.Answers.AnswerAssembler"/>).</summary>
    public string AssembledText() =>
        Core.Answers.AnswerAssembler.Assemble(Parts.Select(p => new Core.Answers.AnswerPart(p.MessageId, p.Content, p.DeletedAt is not null)));
}
