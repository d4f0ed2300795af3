namespace InterviewBot.Storage;

/// <summary>
/// The ledger row that makes a daily post happen exactly once: claimed, then message posted, then thread
/// opened, then completed (or skipped). A row that is not complete is a post to resume, never to redo.
/// </summary>
public sealed record DailyPost
{
    public required long ScheduleId { get; init; }

    public required DateOnly LocalDate { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong ChannelId { get; init; }

    /// <summary>The question chosen at claim time, so a resumed post posts the same one; null for skips.</summary>
    public string? QuestionId { get; init; }

    public required DateTimeOffset ClaimedAt { get; init; }

    public ulong? MessageId { get; init; }

    public ulong? ThreadId { get; init; }

    public long? PromptId { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? SkippedReason { get; init; }

    public bool IsComplete => CompletedAt is not null;

    public bool IsSkipped => SkippedReason is not null;
}
