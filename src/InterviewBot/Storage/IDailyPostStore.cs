namespace InterviewBot.Storage;

/// <summary>
/// Exactly-once daily posting, keyed by (schedule, local date). The job claims the day, posts the message and
/// records it (which creates the prompt), opens the thread and records it, then completes. After a crash,
/// <see cref="ListIncompleteAsync"/> names the half-done posts and how far each got.
/// </summary>
public interface IDailyPostStore
{
    /// <summary>Claims the day with the chosen question, or returns the existing claim (IsNew = false).</summary>
    Task<DailyPostClaim> ClaimAsync(long scheduleId, DateOnly localDate, ulong guildId, ulong channelId, string questionId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DailyPost?> GetAsync(long scheduleId, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>
    /// Records the posted message and creates the daily prompt in the same transaction; returns the prompt id.
    /// Calling it again returns the same prompt. Throws when the day was not claimed.
    /// </summary>
    Task<long> RecordMessageAsync(long scheduleId, DateOnly localDate, ulong messageId, DateTimeOffset postedAt, DateTimeOffset? revealAt, CancellationToken cancellationToken);

    /// <summary>Records the thread on the ledger and on the prompt.</summary>
    Task RecordThreadAsync(long scheduleId, DateOnly localDate, ulong threadId, CancellationToken cancellationToken);

    Task CompleteAsync(long scheduleId, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a day as skipped (paused, skip-next, missed beyond grace); false when the day was already claimed.</summary>
    Task<bool> SkipAsync(long scheduleId, DateOnly localDate, ulong guildId, ulong channelId, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims that never completed, oldest first.</summary>
    Task<IReadOnlyList<DailyPost>> ListIncompleteAsync(CancellationToken cancellationToken);
}
