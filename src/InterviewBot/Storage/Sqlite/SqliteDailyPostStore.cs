using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteDailyPostStore(SqliteConnectionFactory factory, SqliteWriter writer) : IDailyPostStore
{
    private const string Select = "SELECT * FROM daily_posts";
    private const string ByKey = "schedule_id = @scheduleId AND local_date = @localDate";

    public Task<DailyPostClaim> ClaimAsync(long scheduleId, DateOnly localDate, ulong guildId, ulong channelId, string questionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO daily_posts (schedule_id, local_date, guild_id, channel_id, question_id, claimed_at)
                    VALUES (@scheduleId, @localDate, @guildId, @channelId, @questionId, @now)
                    ON CONFLICT (schedule_id, local_date) DO NOTHING
                    """,
                    new { scheduleId, localDate, guildId, channelId, questionId, now },
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                var post = await connection.QuerySingleAsync<DailyPost>(
                    Command($"{Select} WHERE {ByKey}", new { scheduleId, localDate }, cancellationToken, transaction)).ConfigureAwait(false);
                return new DailyPostClaim(post, inserted == 1);
            },
            cancellationToken);

    public Task<DailyPost?> GetAsync(long scheduleId, DateOnly localDate, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<DailyPost>($"{Select} WHERE {ByKey}", new { scheduleId, localDate }, cancellationToken);

    public Task<long> RecordMessageAsync(long scheduleId, DateOnly localDate, ulong messageId, DateTimeOffset postedAt, DateTimeOffset? revealAt, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var post = await connection.QuerySingleOrDefaultAsync<DailyPost>(
                    Command($"{Select} WHERE {ByKey}", new { scheduleId, localDate }, cancellationToken, transaction)).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"daily post for schedule {scheduleId} on {SqliteTypeHandlers.ToText(localDate)} was never claimed");
                if (post.PromptId is { } existing)
                {
                    return existing;
                }

                if (post.QuestionId is null)
                {
                    throw new InvalidOperationException($"daily post for schedule {scheduleId} on {SqliteTypeHandlers.ToText(localDate)} was skipped: {post.SkippedReason}");
                }

                var prompt = new Prompt
                {
                    GuildId = post.GuildId,
                    ChannelId = post.ChannelId,
                    MessageId = messageId,
                    QuestionId = post.QuestionId,
                    Source = PromptSource.Daily,
                    PostedAt = postedAt,
                    RevealAt = revealAt,
                    LocalDate = localDate,
                    ScheduleId = scheduleId,
                };
                var promptId = await connection.ExecuteScalarAsync<long>(
                    Command(SqlitePromptStore.InsertSql, SqlitePromptStore.Parameters(prompt), cancellationToken, transaction)).ConfigureAwait(false);
                await connection.ExecuteAsync(Command(
                    $"UPDATE daily_posts SET message_id = @messageId, prompt_id = @promptId WHERE {ByKey}",
                    new { scheduleId, localDate, messageId, promptId },
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                return promptId;
            },
            cancellationToken);

    public Task RecordThreadAsync(long scheduleId, DateOnly localDate, ulong threadId, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(Command(
                    $"UPDATE daily_posts SET thread_id = @threadId WHERE {ByKey} AND prompt_id IS NOT NULL",
                    new { scheduleId, localDate, threadId },
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                if (changed != 1)
                {
                    throw new InvalidOperationException($"daily post for schedule {scheduleId} on {SqliteTypeHandlers.ToText(localDate)} has no recorded message yet");
                }

                await connection.ExecuteAsync(Command(
                    "UPDATE prompts SET thread_id = @threadId WHERE prompt_id = (SELECT prompt_id FROM daily_posts WHERE " + ByKey + ")",
                    new { scheduleId, localDate, threadId },
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
            },
            cancellationToken);

    public Task CompleteAsync(long scheduleId, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            $"UPDATE daily_posts SET completed_at = coalesce(completed_at, @now) WHERE {ByKey}",
            new { scheduleId, localDate, now },
            cancellationToken);

    public async Task<bool> SkipAsync(long scheduleId, DateOnly localDate, ulong guildId, ulong channelId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            INSERT INTO daily_posts (schedule_id, local_date, guild_id, channel_id, claimed_at, completed_at, skipped_reason)
            VALUES (@scheduleId, @localDate, @guildId, @channelId, @now, @now, @reason)
            ON CONFLICT (schedule_id, local_date) DO NOTHING
            """,
            new { scheduleId, localDate, guildId, channelId, reason, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<DailyPost>> ListIncompleteAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<DailyPost>($"{Select} WHERE completed_at IS NULL ORDER BY claimed_at, schedule_id", null, cancellationToken);
}
