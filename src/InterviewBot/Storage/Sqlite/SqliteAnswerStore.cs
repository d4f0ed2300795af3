using Dapper;
using Microsoft.Data.Sqlite;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteAnswerStore(SqliteConnectionFactory factory, SqliteWriter writer, TimeProvider time) : IAnswerStore
{
    // Every member message runs these two, so they are prepared once on the writer's connection (see SqliteWriter.PreparedCommand)
    // instead of being parsed again through Dapper for each message. The ingestion benchmark's raw ceiling runs the same
    // two (bench/InterviewBot.Bench, RawSqliteCeiling), so it measures exactly the row shape the bot writes.
    internal const string UpsertAnswerSql = """
        INSERT INTO answers (prompt_id, guild_id, user_id, is_private, is_late, created_at, updated_at)
        VALUES ($prompt_id, $guild_id, $user_id, $is_private, $is_late, $written_at, $now)
        ON CONFLICT (prompt_id, user_id) DO UPDATE SET updated_at = excluded.updated_at
        RETURNING answer_id
        """;

    internal const string UpsertPartSql = """
        INSERT INTO answer_parts (message_id, answer_id, content, created_at)
        VALUES ($message_id, $answer_id, $content, $written_at)
        ON CONFLICT (message_id) DO UPDATE SET
            edited_at = CASE WHEN content IS NOT excluded.content THEN excluded.created_at ELSE edited_at END,
            content = excluded.content
        WHERE answer_id = excluded.answer_id
        """;

    public Task<long> UpsertPartAsync(AnswerPartWrite part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        var now = SqliteTypeHandlers.ToUnixMilliseconds(time.GetUtcNow());
        var writtenAt = SqliteTypeHandlers.ToUnixMilliseconds(part.WrittenAt);
        return writer.WriteAsync(
            (connection, transaction) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var upsertAnswer = writer.PreparedCommand(transaction, UpsertAnswerSql);
                Bind(upsertAnswer, "$prompt_id", part.PromptId);
                Bind(upsertAnswer, "$guild_id", checked((long)part.GuildId));
                Bind(upsertAnswer, "$user_id", checked((long)part.UserId));
                Bind(upsertAnswer, "$is_private", part.IsPrivate ? 1L : 0L);
                Bind(upsertAnswer, "$is_late", part.IsLate ? 1L : 0L);
                Bind(upsertAnswer, "$written_at", writtenAt);
                Bind(upsertAnswer, "$now", now);
                var answerId = (long)upsertAnswer.ExecuteScalar()!;

                var upsertPart = writer.PreparedCommand(transaction, UpsertPartSql);
                Bind(upsertPart, "$message_id", checked((long)part.MessageId));
                Bind(upsertPart, "$answer_id", answerId);
                Bind(upsertPart, "$content", part.Content);
                Bind(upsertPart, "$written_at", writtenAt);
                upsertPart.ExecuteNonQuery();
                return Task.FromResult(answerId);
            },
            cancellationToken);
    }

    public Task<long?> SoftDeletePartAsync(ulong messageId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var answerId = await connection.ExecuteScalarAsync<long?>(Command(
                    "UPDATE answer_parts SET deleted_at = coalesce(deleted_at, @deletedAt) WHERE message_id = @messageId RETURNING answer_id",
                    new { messageId, deletedAt },
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                if (answerId is not null)
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE answers SET updated_at = @now WHERE answer_id = @answerId",
                        new { answerId, now = time.GetUtcNow() },
                        cancellationToken,
                        transaction)).ConfigureAwait(false);
                }

                return answerId;
            },
            cancellationToken);

    public async Task<Answer?> GetAsync(long answerId, CancellationToken cancellationToken) =>
        (await LoadAsync("a.answer_id = @answerId", new { answerId }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<Answer?> FindAsync(long promptId, ulong userId, CancellationToken cancellationToken) =>
        (await LoadAsync("a.prompt_id = @promptId AND a.user_id = @userId", new { promptId, userId }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<IReadOnlyList<Answer>> ListForPromptAsync(long promptId, CancellationToken cancellationToken) =>
        [.. (await LoadAsync("a.prompt_id = @promptId", new { promptId }, cancellationToken).ConfigureAwait(false)).Where(a => a.HasContent)];

    public async Task<bool> SetCoverageAsync(long answerId, IReadOnlyList<string> coveredKeyPoints, int keyPointCount, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE answers SET covered_key_points = @coveredKeyPoints, key_point_count = @keyPointCount WHERE answer_id = @answerId",
            new { answerId, coveredKeyPoints, keyPointCount },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Loads answers matching <paramref name="where"/> (over alias a) with their parts, in two queries on one snapshot.</summary>
    internal static async Task<IReadOnlyList<Answer>> LoadAnswersAsync(SqliteConnectionFactory factory, string where, object parameters, CancellationToken cancellationToken)
    {
        using var connection = factory.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var answers = (await connection.QueryAsync<Answer>(Command(
            $"SELECT a.* FROM answers a WHERE {where} ORDER BY a.created_at, a.answer_id", parameters, cancellationToken, transaction)).ConfigureAwait(false)).AsList();
        if (answers.Count == 0)
        {
            return answers;
        }

        var parts = (await connection.QueryAsync<AnswerPart>(Command(
            $"SELECT p.* FROM answer_parts p JOIN answers a ON a.answer_id = p.answer_id WHERE {where} ORDER BY p.message_id",
            parameters,
            cancellationToken,
            transaction)).ConfigureAwait(false)).ToLookup(p => p.AnswerId);
        return [.. answers.Select(a => a with { Parts = [.. parts[a.AnswerId]] })];
    }

    private static void Bind(SqliteCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private Task<IReadOnlyList<Answer>> LoadAsync(string where, object parameters, CancellationToken cancellationToken) =>
        LoadAnswersAsync(factory, where, parameters, cancellationToken);
}
