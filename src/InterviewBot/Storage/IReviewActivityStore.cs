namespace InterviewBot.Storage;

/// <summary>Reads across answers and reviews for peer review, stats, leaderboards and the digest; and the thread message of each review.</summary>
public interface IReviewActivityStore
{
    /// <summary>The guild's answers created in [since, until) (all when null), deleted ones included and flagged, oldest first.</summary>
    Task<IReadOnlyList<ScoredAnswer>> ListAnswersAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>One answer with its prompt's details, or null.</summary>
    Task<ScoredAnswer?> GetAnswerAsync(long answerId, CancellationToken cancellationToken);

    /// <summary>The guild's reviews created in [since, until) (all when null), oldest first.</summary>
    Task<IReadOnlyList<ReviewActivity>> ListReviewsAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>The guild's prompts posted in [since, until), oldest first.</summary>
    Task<IReadOnlyList<Prompt>> ListPromptsAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Remembers the thread message that shows the review (replacing an earlier one).</summary>
    Task SetReviewMessageAsync(long reviewId, ulong channelId, ulong messageId, CancellationToken cancellationToken);

    /// <summary>The thread message that shows the review, or null.</summary>
    Task<(ulong ChannelId, ulong MessageId)?> FindReviewMessageAsync(long reviewId, CancellationToken cancellationToken);

    /// <summary>The review whose thread message this is, or null.</summary>
    Task<long?> FindReviewByMessageAsync(ulong messageId, CancellationToken cancellationToken);
}
