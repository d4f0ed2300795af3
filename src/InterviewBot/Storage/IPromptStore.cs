namespace InterviewBot.Storage;

public interface IPromptStore
{
    /// <summary>
    /// Records a posted question; null when it conflicts with an existing one (same message, same thread, or a
    /// second daily prompt for the same schedule and local date). Daily posts normally go through <see cref="IDailyPostStore"/>.
    /// </summary>
    Task<Prompt?> TryCreateAsync(Prompt prompt, CancellationToken cancellationToken);

    Task<Prompt?> GetAsync(long promptId, CancellationToken cancellationToken);

    Task<Prompt?> FindByMessageAsync(ulong messageId, CancellationToken cancellationToken);

    Task<Prompt?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken);

    Task<Prompt?> FindDailyAsync(long scheduleId, DateOnly localDate, CancellationToken cancellationToken);

    Task<bool> SetThreadAsync(long promptId, ulong threadId, CancellationToken cancellationToken);

    /// <summary>Changes when the reveal is due (null: only on request); false once the reveal has started.</summary>
    Task<bool> SetRevealAtAsync(long promptId, DateTimeOffset? revealAt, CancellationToken cancellationToken);

    /// <summary>Prompts whose reveal is due at <paramref name="now"/> and has not started.</summary>
    Task<IReadOnlyList<Prompt>> ListRevealDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the reveal: true for exactly one caller, however many jobs, buttons and restarts race for it.
    /// The winner posts the reveal then calls <see cref="MarkRevealedAsync"/>, or <see cref="ReleaseRevealAsync"/> if posting failed.
    /// </summary>
    Task<bool> TryMarkRevealingAsync(long promptId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> MarkRevealedAsync(long promptId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed but unfinished reveal back so it can be retried.</summary>
    Task<bool> ReleaseRevealAsync(long promptId, CancellationToken cancellationToken);

    /// <summary>Reveals that were claimed but never marked revealed (the process stopped mid-reveal).</summary>
    Task<IReadOnlyList<Prompt>> ListInterruptedRevealsAsync(CancellationToken cancellationToken);

    /// <summary>Unrevealed <c>/ask</c> prompts without a recorded thread: posts the process left between message and thread.</summary>
    Task<IReadOnlyList<Prompt>> ListAskedWithoutThreadAsync(CancellationToken cancellationToken);

    /// <summary>Unrevealed prompts with a thread: the threads to collect answers from and back-fill after downtime.</summary>
    Task<IReadOnlyList<Prompt>> ListOpenAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Prompt>> ListRecentAsync(ulong guildId, int limit, CancellationToken cancellationToken);
}
