using Dapper;
using Microsoft.Data.Sqlite;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteGuildQuestionStore(SqliteConnectionFactory factory, SqliteWriter writer, TimeProvider time) : IGuildQuestionStore
{
    private const string Select = "SELECT * FROM guild_questions";

    public async Task<GuildQuestion?> TryAddAsync(GuildQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var now = time.GetUtcNow();
        var row = question with { CreatedAt = now, UpdatedAt = now, DeletedAt = null };
        try
        {
            var id = await writer.WriteAsync(
                (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(
                    """
                    INSERT INTO guild_questions (guild_id, question_key, category, difficulty, body, created_by, created_at, updated_at)
                    VALUES (@GuildId, @QuestionKey, @Category, @Difficulty, @Body, @CreatedBy, @CreatedAt, @UpdatedAt)
                    RETURNING guild_question_id
                    """,
                    row,
                    cancellationToken,
                    transaction)),
                cancellationToken).ConfigureAwait(false);
            return row with { GuildQuestionId = id };
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return null;
        }
    }

    public Task<GuildQuestion?> GetAsync(long guildQuestionId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<GuildQuestion>($"{Select} WHERE guild_question_id = @guildQuestionId", new { guildQuestionId }, cancellationToken);

    public Task<GuildQuestion?> FindAsync(ulong guildId, string questionKey, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<GuildQuestion>(
            $"{Select} WHERE guild_id = @guildId AND question_key = @questionKey AND deleted_at IS NULL", new { guildId, questionKey }, cancellationToken);

    public Task<GuildQuestion?> FindIncludingDeletedAsync(ulong guildId, string questionKey, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<GuildQuestion>(
            $"{Select} WHERE guild_id = @guildId AND question_key = @questionKey ORDER BY deleted_at IS NOT NULL, deleted_at DESC, guild_question_id DESC LIMIT 1",
            new { guildId, questionKey },
            cancellationToken);

    public Task<IReadOnlyList<GuildQuestion>> ListAsync(ulong guildId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<GuildQuestion>(
            $"{Select} WHERE guild_id = @guildId AND deleted_at IS NULL ORDER BY question_key", new { guildId }, cancellationToken);

    public async Task<bool> UpdateAsync(long guildQuestionId, string category, string difficulty, string body, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            UPDATE guild_questions SET category = @category, difficulty = @difficulty, body = @body, updated_at = @now
            WHERE guild_question_id = @guildQuestionId AND deleted_at IS NULL
            """,
            new { guildQuestionId, category, difficulty, body, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> DeleteAsync(long guildQuestionId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE guild_questions SET deleted_at = @now, updated_at = @now WHERE guild_question_id = @guildQuestionId AND deleted_at IS NULL",
            new { guildQuestionId, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> DisableBankQuestionAsync(ulong guildId, string questionId, ulong disabledBy, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            INSERT INTO disabled_questions (guild_id, question_id, disabled_by, disabled_at) VALUES (@guildId, @questionId, @disabledBy, @now)
            ON CONFLICT DO NOTHING
            """,
            new { guildId, questionId, disabledBy, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> EnableBankQuestionAsync(ulong guildId, string questionId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "DELETE FROM disabled_questions WHERE guild_id = @guildId AND question_id = @questionId",
            new { guildId, questionId },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<IReadOnlySet<string>> ListDisabledBankQuestionsAsync(ulong guildId, CancellationToken cancellationToken) =>
        (await factory.QueryListAsync<string>(
            "SELECT question_id FROM disabled_questions WHERE guild_id = @guildId", new { guildId }, cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
}
