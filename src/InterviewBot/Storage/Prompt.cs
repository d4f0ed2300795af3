namespace InterviewBot.Storage;

/// <summary>A question posted in a channel, with the thread its answers go to and its reveal state.</summary>
public sealed record Prompt
{
    /// <summary>Assigned by the store.</summary>
    public long PromptId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong ChannelId { get; init; }

    public required ulong MessageId { get; init; }

    public ulong? ThreadId { get; init; }

    public required string QuestionId { get; init; }

    public required PromptSource Source { get; init; }

    /// <summary>The member who asked (ask, interview); null for daily posts.</summary>
    public ulong? AskedBy { get; init; }

    public required DateTimeOffset PostedAt { get; init; }

    public DateTimeOffset? RevealAt { get; init; }

    /// <summary>Set when a reveal started (see <see cref="IPromptStore.TryMarkRevealingAsync"/>).</summary>
    public DateTimeOffset? RevealingAt { get; init; }

    public DateTimeOffset? RevealedAt { get; init; }

    /// <summary>The schedule's local date for daily posts.</summary>
    public DateOnly? LocalDate { get; init; }

    public long? ScheduleId { get; init; }
}
