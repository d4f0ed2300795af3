namespace InterviewBot.Storage;

public sealed record AnswerPart
{
    public required ulong MessageId { get; init; }

    public required long AnswerId { get; init; }

    public required string Content { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }
}
