namespace InterviewBot.Storage;

/// <summary>A question a member suggested for the guild, waiting for (or past) a moderator's decision.</summary>
public sealed record Suggestion
{
    public required long SuggestionId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>Stored exactly as written.</summary>
    public required string Body { get; init; }

    public required SuggestionStatus Status { get; init; }

    /// <summary>The review message with Accept/Reject buttons, once posted.</summary>
    public ulong? MessageId { get; init; }

    public ulong? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecisionReason { get; init; }

    /// <summary>The guild question created on acceptance.</summary>
    public long? GuildQuestionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
