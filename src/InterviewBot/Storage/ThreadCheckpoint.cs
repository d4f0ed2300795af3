namespace InterviewBot.Storage;

/// <summary>The last message seen in an open thread, so answers written while the bot was down can be back-filled.</summary>
public sealed record ThreadCheckpoint
{
    public required ulong ThreadId { get; init; }

    public required ulong GuildId { get; init; }

    public long? PromptId { get; init; }

    public required ulong LastMessageId { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
