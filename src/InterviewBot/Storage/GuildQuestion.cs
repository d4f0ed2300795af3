namespace InterviewBot.Storage;

/// <summary>A question a guild wrote itself. <see cref="Body"/> is the question in the bank's YAML format, stored as written.</summary>
public sealed record GuildQuestion
{
    public long GuildQuestionId { get; init; }

    public required ulong GuildId { get; init; }

    /// <summary>The question id within the guild (unique among questions not deleted).</summary>
    public required string QuestionKey { get; init; }

    public required string Category { get; init; }

    public required string Difficulty { get; init; }

    public required string Body { get; init; }

    public required ulong CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }
}
