using Dapper;
using Microsoft.Data.Sqlite;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqlitePromptStore(SqliteConnectionFactory factory, SqliteWriter writer) : IPromptStore
{
    internal const string InsertSql =
        """
        INSERT INTO prompts (guild_id, channel_id, message_id, thread_id, question_id, source, asked_by, posted_at,
            reveal_at, local_date, schedule_id)
        VALUES (@GuildId, @ChannelId, @MessageId, @ThreadId, @QuestionId, @SourceText, @AskedBy, @PostedAt,
            @RevealAt, @LocalDate, @ScheduleId)
        RETURNING prompt_id
        """;

    private const string Select = "SELECT * FROM prompts";

    public async Task<Prompt?> TryCreateAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        try
        {
            var id = await writer.WriteAsync(
                (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(InsertSql, Parameters(prompt), cancellationToken, transaction)),
                cancellationToken).ConfigureAwait(false);
            return prompt with { PromptId = id, RevealingAt = null, RevealedAt = null };
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return null;
        }
    }

    /// <summary>Dapper sends enums as numbers; the schema stores the source as text.</summary>
    internal static DynamicParameters Parameters(Prompt prompt)
    {
        var parameters = new DynamicParameters(prompt);
        parameters.Add("SourceText", ToText(prompt.Source));
        return parameters;
    }

    internal static string ToText(PromptSource source) => source switch
    {
        PromptSource.Daily => "daily",
        PromptSource.Ask => "ask",
        PromptSource.Interview => "interview",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown prompt source"),
    };

    public Task<Prompt?> GetAsync(long promptId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Prompt>($"{Select} WHERE prompt_id = @promptId", new { promptId }, cancellationToken);

    public Task<Prompt?> FindByMessageAsync(ulong messageId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Prompt>($"{Select} WHERE message_id = @messageId", new { messageId }, cancellationToken);

    public Task<Prompt?> FindByThreadAsync(ulong threadId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Prompt>($"{Select} WHERE thread_id = @threadId", new { threadId }, cancellationToken);

    public Task<Prompt?> FindDailyAsync(long scheduleId, DateOnly localDate, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<Prompt>(
            $"{Select} WHERE source = 'daily' AND schedule_id = @scheduleId AND local_date = @localDate",
            new { scheduleId, localDate },
            cancellationToken);

    public async Task<bool> SetThreadAsync(long promptId, ulong threadId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync("UPDATE prompts SET thread_id = @threadId WHERE prompt_id = @promptId", new { promptId, threadId }, cancellationToken)
            .ConfigureAwait(false) == 1;

    public async Task<bool> SetRevealAtAsync(long promptId, DateTimeOffset? revealAt, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE prompts SET reveal_at = @revealAt WHERE prompt_id = @promptId AND revealing_at IS NULL AND revealed_at IS NULL",
            new { promptId, revealAt },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<Prompt>> ListRevealDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>(
            $"{Select} WHERE revealed_at IS NULL AND revealing_at IS NULL AND reveal_at <= @now ORDER BY reveal_at, prompt_id",
            new { now },
            cancellationToken);

    public async Task<bool> TryMarkRevealingAsync(long promptId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE prompts SET revealing_at = @now WHERE prompt_id = @promptId AND revealing_at IS NULL AND revealed_at IS NULL",
            new { promptId, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> MarkRevealedAsync(long promptId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE prompts SET revealed_at = @now, revealing_at = coalesce(revealing_at, @now) WHERE prompt_id = @promptId AND revealed_at IS NULL",
            new { promptId, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> ReleaseRevealAsync(long promptId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE prompts SET revealing_at = NULL WHERE prompt_id = @promptId AND revealed_at IS NULL AND revealing_at IS NOT NULL",
            new { promptId },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<Prompt>> ListInterruptedRevealsAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>($"{Select} WHERE revealing_at IS NOT NULL AND revealed_at IS NULL ORDER BY prompt_id", null, cancellationToken);

    public Task<IReadOnlyList<Prompt>> ListAskedWithoutThreadAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>(
            $"{Select} WHERE source = 'ask' AND thread_id IS NULL AND revealing_at IS NULL AND revealed_at IS NULL ORDER BY prompt_id",
            null,
            cancellationToken);

    public Task<IReadOnlyList<Prompt>> ListOpenAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>($"{Select} WHERE revealed_at IS NULL AND thread_id IS NOT NULL ORDER BY prompt_id", null, cancellationToken);

    public Task<IReadOnlyList<Prompt>> ListRecentAsync(ulong guildId, int limit, CancellationToken cancellationToken) =>
        factory.QueryListAsync<Prompt>(
            $"{Select} WHERE guild_id = @guildId ORDER BY posted_at DESC, prompt_id DESC LIMIT @limit",
            new { guildId, limit },
            cancellationToken);
}
