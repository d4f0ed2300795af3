namespace InterviewBot.Storage;

public sealed class SqliteStatsStore(SqliteConnectionFactory factory) : IStatsStore
{
    /// <summary>An answer counts while at least one of its messages is not deleted.</summary>
    private const string Live = "EXISTS (SELECT 1 FROM answer_parts p WHERE p.answer_id = a.answer_id AND p.deleted_at IS NULL)";

    /// <summary>Share of key points covered; covered ids are newline-separated.</summary>
    private const string Coverage =
        """
        CASE WHEN a.covered_key_points IS NULL OR a.key_point_count IS NULL OR a.key_point_count = 0 THEN NULL
             WHEN a.covered_key_points = '' THEN 0.0
             ELSE (length(a.covered_key_points) - length(replace(a.covered_key_points, char(10), '')) + 1) * 1.0 / a.key_point_count END
        """;

    public async Task<MemberStats> GetMemberStatsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        await factory.QueryOneAsync<MemberStats>(
            $"""
            SELECT @guildId AS guild_id, @userId AS user_id,
                (SELECT count(*) FROM answers a WHERE a.guild_id = @guildId AND a.user_id = @userId AND {Live}) AS answers,
                (SELECT count(*) FROM answers a WHERE a.guild_id = @guildId AND a.user_id = @userId AND a.is_late = 1 AND {Live}) AS late_answers,
                (SELECT count(*) FROM reviews r WHERE r.guild_id = @guildId AND r.reviewer_id = @userId) AS reviews_given,
                (SELECT count(*) FROM reviews r JOIN answers a ON a.answer_id = r.answer_id
                    WHERE a.guild_id = @guildId AND a.user_id = @userId) AS reviews_received,
                (SELECT avg((r.correctness + r.depth + r.clarity) / 3.0) FROM reviews r JOIN answers a ON a.answer_id = r.answer_id
                    WHERE a.guild_id = @guildId AND a.user_id = @userId) AS average_review_score,
                (SELECT count(*) FROM helpful_votes v JOIN reviews r ON r.review_id = v.review_id
                    WHERE r.guild_id = @guildId AND r.reviewer_id = @userId) AS helpful_votes_received,
                (SELECT avg({Coverage}) FROM answers a WHERE a.guild_id = @guildId AND a.user_id = @userId AND {Live}) AS average_coverage
            """,
            new { guildId, userId },
            cancellationToken).ConfigureAwait(false)
        ?? new MemberStats { GuildId = guildId, UserId = userId };

    public Task<IReadOnlyList<DailyParticipation>> ListDailyParticipationAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<DailyParticipation>(
            $"""
            SELECT pr.prompt_id, pr.schedule_id, pr.local_date,
                EXISTS (SELECT 1 FROM answers a WHERE a.prompt_id = pr.prompt_id AND a.user_id = @userId AND a.is_late = 0 AND {Live}) AS answered
            FROM prompts pr
            WHERE pr.guild_id = @guildId AND pr.source = 'daily'
            ORDER BY pr.local_date, pr.schedule_id
            """,
            new { guildId, userId },
            cancellationToken);

    public Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        factory.QueryListAsync<LeaderboardRow>(
            $"""
            WITH live AS (
                SELECT a.*, {Coverage} AS coverage FROM answers a
                WHERE a.guild_id = @guildId AND a.created_at >= @since AND a.created_at < @until AND {Live}
            ),
            given AS (
                SELECT r.* FROM reviews r WHERE r.guild_id = @guildId AND r.created_at >= @since AND r.created_at < @until
            ),
            members AS (SELECT user_id FROM live UNION SELECT reviewer_id FROM given)
            SELECT m.user_id,
                (SELECT count(*) FROM live WHERE live.user_id = m.user_id) AS answers,
                (SELECT count(*) FROM given WHERE given.reviewer_id = m.user_id) AS reviews_given,
                (SELECT count(*) FROM helpful_votes v JOIN reviews r ON r.review_id = v.review_id
                    WHERE r.guild_id = @guildId AND r.reviewer_id = m.user_id AND v.created_at >= @since AND v.created_at < @until) AS helpful_votes_received,
                (SELECT avg(live.coverage) FROM live WHERE live.user_id = m.user_id) AS average_coverage,
                (SELECT avg((r.correctness + r.depth + r.clarity) / 3.0) FROM reviews r JOIN live ON live.answer_id = r.answer_id
                    WHERE live.user_id = m.user_id) AS average_review_score
            FROM members m
            ORDER BY m.user_id
            """,
            new { guildId, since, until },
            cancellationToken);

    public async Task<GuildActivity> GetGuildActivityAsync(ulong guildId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        await factory.QueryOneAsync<GuildActivity>(
            $"""
            SELECT
                (SELECT count(*) FROM prompts WHERE guild_id = @guildId AND posted_at >= @since AND posted_at < @until) AS prompts,
                (SELECT count(*) FROM answers a WHERE a.guild_id = @guildId AND a.created_at >= @since AND a.created_at < @until AND {Live}) AS answers,
                (SELECT count(*) FROM reviews WHERE guild_id = @guildId AND created_at >= @since AND created_at < @until) AS reviews,
                (SELECT count(*) FROM (
                    SELECT a.user_id FROM answers a WHERE a.guild_id = @guildId AND a.created_at >= @since AND a.created_at < @until AND {Live}
                    UNION SELECT reviewer_id FROM reviews WHERE guild_id = @guildId AND created_at >= @since AND created_at < @until)) AS active_members
            """,
            new { guildId, since, until },
            cancellationToken).ConfigureAwait(false)
        ?? new GuildActivity();
}
