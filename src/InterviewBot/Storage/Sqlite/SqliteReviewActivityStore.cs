using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteReviewActivityStore(SqliteConnectionFactory factory, SqliteWriter writer) : IReviewActivityStore
{
    private const string SelectAnswers =
        """
        SELECT a.answer_id, a.prompt_id, a.guild_id, a.user_id, pr.question_id, pr.channel_id, pr.thread_id,
            (SELECT min(p.message_id) FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL) AS first_message_id,
            a.is_private, a.is_late,
            NOT EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL) AS deleted,
            pr.revealed_at IS NOT NULL AS revealed,
            a.covered_key_points,
            a.key_point_count, a.created_at, pr.posted_at
        FROM answers a JOIN prompts pr ON pr.prompt_id = a.prompt_id
        """;

    private const string SelectReviews =
        """
        SELECT r.review_id, r.answer_id, a.user_id AS author_id, r.reviewer_id, r.correctness, r.depth, r.clarity, r.created_at,
            (SELECT count(*) FROM helpful_votes v WHERE v.review_id = r.review_id) AS helpful_votes,
            NOT EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL) AS answer_deleted
        FROM reviews r JOIN answers a ON a.answer_id = r.answer_id
        """;

    internal const string PromptAnswersSql =
        $"{SelectAnswers} WHERE a.prompt_id IN @promptIds AND a.created_at >= @since ORDER BY a.created_at, a.answer_id";

    internal const string MemberAnswersSql =
        $"{SelectAnswers} WHERE a.guild_id = @guildId AND a.user_id = @userId ORDER BY a.created_at, a.answer_id";

    // Two indexed halves (ix_reviews_reviewer; ix_answers_member_created then the reviews' (answer_id, reviewer_id) key)
    // instead of an OR that would scan the guild's reviews; the UNION keeps a review that is in both halves once.
    internal const string MemberReviewsSql =
        $"""
        {SelectReviews}
        WHERE r.review_id IN (
            SELECT review_id FROM reviews WHERE guild_id = @guildId AND reviewer_id = @userId
            UNION
            SELECT rv.review_id FROM answers mine JOIN reviews rv ON rv.answer_id = mine.answer_id
            WHERE mine.guild_id = @guildId AND mine.user_id = @userId)
        ORDER BY r.created_at, r.review_id
        """;

    // ReviewQueue's filter and order; SQLite sorts the guild's eligible answers, only the page leaves it.
    internal const string ReviewCandidatesSql =
        $"""
        {SelectAnswers}
        WHERE a.guild_id = @guildId AND a.user_id <> @reviewerId AND pr.revealed_at IS NOT NULL
            AND EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM reviews mine WHERE mine.answer_id = a.answer_id AND mine.reviewer_id = @reviewerId)
        ORDER BY (SELECT count(*) FROM reviews rr WHERE rr.answer_id = a.answer_id AND rr.created_at > @recentSince),
            a.created_at, a.answer_id
        LIMIT @limit OFFSET @offset
        """;

    internal const string ReviewsOfAnswersSql =
        $"{SelectReviews} WHERE r.answer_id IN @answerIds ORDER BY r.created_at, r.review_id";

    internal static string AnswersSql(DateTimeOffset? since, DateTimeOffset? until) =>
        $"{SelectAnswers} WHERE a.guild_id = @guildId{Window("a.created_at", since, until)} ORDER BY a.created_at, a.answer_id";

    internal static string AnswerScoreInputsSql(DateTimeOffset? since, DateTimeOffset? until) =>
        $"""
        SELECT a.answer_id, a.user_id,
            NOT EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL) AS deleted,
            a.covered_key_points, a.key_point_count
        FROM answers a
        WHERE a.guild_id = @guildId{Window("a.created_at", since, until)}
        ORDER BY a.created_at, a.answer_id
        """;

    internal static string ReviewsSql(DateTimeOffset? since, DateTimeOffset? until) =>
        $"{SelectReviews} WHERE r.guild_id = @guildId{Window("r.created_at", since, until)} ORDER BY r.created_at, r.review_id";

    // Bounds written only when given: "(@since IS NULL OR created_at >= @since)" would keep SQLite from searching the
    // (guild_id, created_at) index by range, since the plan is made before the parameters are known.
    private static string Window(string column, DateTimeOffset? since, DateTimeOffset? until) =>
        (since is null ? string.Empty : $" AND {column} >= @since") + (until is null ? string.Empty : $" AND {column} < @until");

    public Task<IReadOnlyList<ScoredAnswer>> ListAnswersAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken) =>
        factory.QueryListAsync<ScoredAnswer>(
            AnswersSql(since, until),
            new { guildId, since, until },
            cancellationToken);

    public Task<IReadOnlyList<AnswerScoreInput>> ListAnswerScoreInputsAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken) =>
        factory.QueryListAsync<AnswerScoreInput>(
            AnswerScoreInputsSql(since, until),
            new { guildId, since, until },
            cancellationToken);

    public Task<IReadOnlyList<ScoredAnswer>> ListPromptAnswersAsync(IReadOnlyCollection<long> promptIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        return promptIds.Count == 0
            ? Task.FromResult<IReadOnlyList<ScoredAnswer>>([])
            : factory.QueryListAsync<ScoredAnswer>(
                PromptAnswersSql,
                new { promptIds, since },
                cancellationToken);
    }

    public Task<IReadOnlyList<ScoredAnswer>> ListMemberAnswersAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<ScoredAnswer>(
            MemberAnswersSql,
            new { guildId, userId },
            cancellationToken);

    public Task<IReadOnlyList<ReviewActivity>> ListMemberReviewsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<ReviewActivity>(
            MemberReviewsSql,
            new { guildId, userId },
            cancellationToken);

    public Task<IReadOnlyList<ScoredAnswer>> ListReviewCandidatesAsync(
        ulong guildId, ulong reviewerId, DateTimeOffset recentSince, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return factory.QueryListAsync<ScoredAnswer>(
            ReviewCandidatesSql,
            new { guildId, reviewerId, recentSince, limit, offset },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewActivity>> ListReviewsOfAnswersAsync(IReadOnlyCollection<long> answerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerIds);
        return answerIds.Count == 0
            ? Task.FromResult<IReadOnlyList<ReviewActivity>>([])
            : factory.QueryListAsync<ReviewActivity>(
                ReviewsOfAnswersSql,
                new { answerIds },
                cancellationToken);
    }

    public Task<ScoredAnswer?> GetAnswerAsync(long answerId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<ScoredAnswer>($"{SelectAnswers} WHERE a.answer_id = @answerId", new { answerId }, cancellationToken);

    public Task<IReadOnlyList<ReviewActivity>> ListReviewsAsync(ulong guildId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken) =>
        factory.QueryListAsync<ReviewActivity>(
            ReviewsSql(since, until),
            new { guildId, since, until },
            cancellationToken);

    public Task<IReadOnlyList<Prompt>> ListPromptsAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>(
            "SELECT * FROM prompts WHERE guild_id = @guildId AND posted_at >= @since AND posted_at < @until ORDER BY posted_at, prompt_id",
            new { guildId, since, until },
            cancellationToken);

    public Task SetReviewMessageAsync(long reviewId, ulong channelId, ulong messageId, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            """
            INSERT INTO review_messages (review_id, channel_id, message_id) VALUES (@reviewId, @channelId, @messageId)
            ON CONFLICT (review_id) DO UPDATE SET channel_id = excluded.channel_id, message_id = excluded.message_id
            """,
            new { reviewId, channelId, messageId },
            cancellationToken);

    public async Task<(ulong ChannelId, ulong MessageId)?> FindReviewMessageAsync(long reviewId, CancellationToken cancellationToken)
    {
        var row = await factory.QueryOneAsync<ReviewMessageRow>(
            "SELECT channel_id, message_id FROM review_messages WHERE review_id = @reviewId", new { reviewId }, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.ChannelId, row.MessageId);
    }

    public Task<long?> FindReviewByMessageAsync(ulong messageId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<long?>("SELECT review_id FROM review_messages WHERE message_id = @messageId", new { messageId }, cancellationToken);

    private sealed record ReviewMessageRow
    {
        public ulong ChannelId { get; init; }

        public ulong MessageId { get; init; }
    }
}
