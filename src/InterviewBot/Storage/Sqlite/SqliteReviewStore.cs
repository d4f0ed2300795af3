using Dapper;
using InterviewBot.Core.Reviews;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteReviewStore(SqliteConnectionFactory factory, SqliteWriter writer) : IReviewStore
{
    internal const string Select =
        "SELECT r.*, (SELECT count(*) FROM helpful_votes v WHERE v.review_id = r.review_id) AS helpful_votes FROM reviews r";

    public Task<ReviewUpsert> UpsertAsync(long answerId, ulong guildId, ulong reviewerId, Rubric rubric, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return writer.WriteAsync(
            async (connection, transaction) =>
            {
                var parameters = new { answerId, guildId, reviewerId, rubric.Correctness, rubric.Depth, rubric.Clarity, comment, now };
                var existed = await connection.ExecuteScalarAsync<long>(Command(
                    "SELECT count(*) FROM reviews WHERE answer_id = @answerId AND reviewer_id = @reviewerId", parameters, cancellationToken, transaction)).ConfigureAwait(false);
                var reviewId = await connection.ExecuteScalarAsync<long>(Command(
                    """
                    INSERT INTO reviews (answer_id, guild_id, reviewer_id, correctness, depth, clarity, comment, created_at, updated_at)
                    VALUES (@answerId, @guildId, @reviewerId, @Correctness, @Depth, @Clarity, @comment, @now, @now)
                    ON CONFLICT (answer_id, reviewer_id) DO UPDATE SET
                        correctness = excluded.correctness, depth = excluded.depth, clarity = excluded.clarity,
                        comment = excluded.comment, updated_at = excluded.updated_at
                    RETURNING review_id
                    """,
                    parameters,
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                var review = await connection.QuerySingleAsync<Review>(
                    Command($"{Select} WHERE r.review_id = @reviewId", new { reviewId }, cancellationToken, transaction)).ConfigureAwait(false);
                return new ReviewUpsert(review, existed == 0);
            },
            cancellationToken);
    }

    public Task<Review?> GetAsync(long reviewId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Review>($"{Select} WHERE r.review_id = @reviewId", new { reviewId }, cancellationToken);

    public Task<Review?> FindAsync(long answerId, ulong reviewerId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Review>($"{Select} WHERE r.answer_id = @answerId AND r.reviewer_id = @reviewerId", new { answerId, reviewerId }, cancellationToken);

    public Task<IReadOnlyList<Review>> ListForAnswerAsync(long answerId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Review>($"{Select} WHERE r.answer_id = @answerId ORDER BY r.review_id", new { answerId }, cancellationToken);

    public Task<IReadOnlyList<Review>> ListForPromptAsync(long promptId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Review>(
            $"{Select} WHERE r.answer_id IN (SELECT answer_id FROM answers WHERE prompt_id = @promptId) ORDER BY r.review_id",
            new { promptId },
            cancellationToken);

    public async Task<bool> AddHelpfulVoteAsync(long reviewId, ulong voterId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "INSERT INTO helpful_votes (review_id, voter_id, created_at) VALUES (@reviewId, @voterId, @now) ON CONFLICT DO NOTHING",
            new { reviewId, voterId, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> RemoveHelpfulVoteAsync(long reviewId, ulong voterId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "DELETE FROM helpful_votes WHERE review_id = @reviewId AND voter_id = @voterId",
            new { reviewId, voterId },
            cancellationToken).ConfigureAwait(false) == 1;
}
