namespace InterviewBot.Storage;

public sealed class SqliteQuestionUsageStore(SqliteConnectionFactory factory, SqliteWriter writer) : IQuestionUsageStore
{
    public Task RecordAsync(ulong guildId, long? scheduleId, string questionId, DateTimeOffset usedAt, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            "INSERT OR IGNORE INTO question_usage (guild_id, schedule_id, question_id, used_at) VALUES (@guildId, @scheduleId, @questionId, @usedAt)",
            new { guildId, scheduleId, questionId, usedAt },
            cancellationToken);

    public Task<IReadOnlyList<QuestionUse>> ListAsync(ulong guildId, long? scheduleId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<QuestionUse>(
            """
            SELECT question_id, schedule_id, used_at FROM question_usage
            WHERE guild_id = @guildId AND (@scheduleId IS NULL OR schedule_id = @scheduleId)
            ORDER BY used_at DESC, usage_id DESC
            """,
            new { guildId, scheduleId },
            cancellationToken);
}
