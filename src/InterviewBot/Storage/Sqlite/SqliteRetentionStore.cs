using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteRetentionStore(SqliteWriter writer) : IRetentionStore
{
    private const string Cutoff = "(@now - g.retention_days * 86400000)";

    public Task<RetentionResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var parameters = new { now };
                var guilds = await connection.ExecuteScalarAsync<int>(Command(
                    "SELECT count(*) FROM guild_settings WHERE retention_days IS NOT NULL", parameters, cancellationToken, transaction)).ConfigureAwait(false);

                // Old reviews, and reviews of answers about to go (the cascade would remove them uncounted).
                var reviews = await connection.ExecuteAsync(Command(
                    $"""
                    DELETE FROM reviews WHERE review_id IN (
                        SELECT r.review_id FROM reviews r JOIN guild_settings g ON g.guild_id = r.guild_id
                        WHERE g.retention_days IS NOT NULL AND (
                            r.created_at < {Cutoff}
                            OR r.answer_id IN (SELECT a.answer_id FROM answers a WHERE a.guild_id = g.guild_id AND a.created_at < {Cutoff})))
                    """,
                    parameters,
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                var answers = await connection.ExecuteAsync(Command(
                    $"""
                    DELETE FROM answers WHERE answer_id IN (
                        SELECT a.answer_id FROM answers a JOIN guild_settings g ON g.guild_id = a.guild_id
                        WHERE g.retention_days IS NOT NULL AND a.created_at < {Cutoff})
                    """,
                    parameters,
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                return new RetentionResult(guilds, answers, reviews);
            },
            cancellationToken);
}
