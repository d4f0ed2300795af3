using Dapper;
using InterviewBot.Core.Repetition;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteRepetitionReviewStore(SqliteConnectionFactory factory, SqliteWriter writer) : IRepetitionReviewStore
{
    public Task<long> AddAsync(ulong guildId, ulong userId, string questionId, RepetitionState? before, RecallGrade grade, DateTimeOffset reviewedAt, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(
                """
                INSERT INTO repetition_reviews (guild_id, user_id, question_id, before_ease_factor, before_interval_days, before_repetitions,
                    before_lapses, before_due_at, before_last_reviewed_at, grade, reviewed_at)
                VALUES (@guildId, @userId, @questionId, @ease, @interval, @repetitions, @lapses, @due, @lastReviewed, @grade, @reviewedAt)
                RETURNING review_id
                """,
                new
                {
                    guildId,
                    userId,
                    questionId,
                    ease = before?.EaseFactor,
                    interval = before?.IntervalDays,
                    repetitions = before?.Repetitions,
                    lapses = before?.Lapses,
                    due = before?.DueAt,
                    lastReviewed = before?.LastReviewedAt,
                    grade = (int)grade,
                    reviewedAt,
                },
                cancellationToken,
                transaction)),
            cancellationToken);

    public async Task<RepetitionReview?> GetAsync(long reviewId, CancellationToken cancellationToken) =>
        (await factory.QueryOneAsync<Row>("SELECT * FROM repetition_reviews WHERE review_id = @reviewId", new { reviewId }, cancellationToken).ConfigureAwait(false))?.ToReview();

    public async Task<RepetitionReview?> FindLatestAsync(ulong guildId, ulong userId, string questionId, CancellationToken cancellationToken) =>
        (await factory.QueryListAsync<Row>(
            """
            SELECT * FROM repetition_reviews WHERE guild_id = @guildId AND user_id = @userId AND question_id = @questionId
            ORDER BY reviewed_at DESC, review_id DESC LIMIT 1
            """,
            new { guildId, userId, questionId },
            cancellationToken).ConfigureAwait(false)).SingleOrDefault()?.ToReview();

    /// <summary>The member's whole review log in one guild (for <c>/privacy export</c>).</summary>
    internal static async Task<IReadOnlyList<RepetitionReview>> ListForMemberAsync(SqliteConnectionFactory factory, ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        (await factory.QueryListAsync<Row>(
            "SELECT * FROM repetition_reviews WHERE guild_id = @guildId AND user_id = @userId ORDER BY review_id",
            new { guildId, userId },
            cancellationToken).ConfigureAwait(false)).Select(r => r.ToReview()).ToList();

    public Task SetMemberGradeAsync(long reviewId, RecallGrade grade, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            "UPDATE repetition_reviews SET grade = @grade, graded_by_member = 1 WHERE review_id = @reviewId",
            new { reviewId, grade = (int)grade },
            cancellationToken);

    /// <summary>Core's positional records cannot be materialised by Dapper directly.</summary>
    private sealed record Row
    {
        public long ReviewId { get; init; }

        public ulong GuildId { get; init; }

        public ulong UserId { get; init; }

        public string QuestionId { get; init; } = string.Empty;

        public double? BeforeEaseFactor { get; init; }

        public int? BeforeIntervalDays { get; init; }

        public int? BeforeRepetitions { get; init; }

        public int? BeforeLapses { get; init; }

        public DateTimeOffset? BeforeDueAt { get; init; }

        public DateTimeOffset? BeforeLastReviewedAt { get; init; }

        public int Grade { get; init; }

        public bool GradedByMember { get; init; }

        public DateTimeOffset ReviewedAt { get; init; }

        public RepetitionReview ToReview() => new(
            ReviewId,
            GuildId,
            UserId,
            QuestionId,
            BeforeEaseFactor is { } ease
                ? new RepetitionState(ease, BeforeIntervalDays ?? 0, BeforeRepetitions ?? 0, BeforeLapses ?? 0, BeforeDueAt ?? ReviewedAt, BeforeLastReviewedAt)
                : null,
            (RecallGrade)Grade,
            GradedByMember,
            ReviewedAt);
    }
}
