namespace InterviewBot.Storage;

/// <summary>Reads across answers and reviews for peer review, stats, leaderboards and the digest; and the thread message of each review.</summary>
public interface IReviewActivityStore
{
    /// <summary>The guild's answers created in [since, until) (all when null), deleted ones included and flagged, oldest first.</summary>
    Task<IReadOnlyList<ScoredAnswer>> ListAnswersAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>The guild's answers created in [since, until) (all when null) with only what their scores need, oldest first.</summary>
    Task<IReadOnlyList<AnswerScoreInput>> ListAnswerScoreInputsAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>The answers to the given prompts created at or after <paramref name="since"/>, deleted ones included and flagged, oldest first.</summary>
    Task<IReadOnlyList<ScoredAnswer>> ListPromptAnswersAsync(IReadOnlyCollection<long> promptIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// One member's answers in the guild (deleted ones included and flagged), oldest first: what <c>/stats</c> needs,
    /// without the rest of the guild.
    /// </summary>
    Task<IReadOnlyList<ScoredAnswer>> ListMemberAnswersAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>The reviews one member wrote in the guild and the reviews of that member's answers, each once, oldest first.</summary>
    Task<IReadOnlyList<ReviewActivity>> ListMemberReviewsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the answers <paramref name="reviewerId"/> may review, in <see cref="Core.Reviews.ReviewQueue"/>'s
    /// order: revealed, live, not theirs, not reviewed by them; fewest reviews after <paramref name="recentSince"/>
    /// first, then oldest, then lowest id. At most <paramref name="limit"/> rows, after skipping <paramref name="offset"/>.
    /// </summary>
    Task<IReadOnlyList<ScoredAnswer>> ListReviewCandidatesAsync(
        ulong guildId, ulong reviewerId, DateTimeOffset recentSince, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>Every review of the given answers, oldest first.</summary>
    Task<IReadOnlyList<ReviewActivity>> ListReviewsOfAnswersAsync(IReadOnlyCollection<long> answerIds, CancellationToken cancellationToken);

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
