namespace InterviewBot.Storage;

public sealed class SqliteThreadCheckpointStore(SqliteConnectionFactory factory, SqliteWriter writer) : IThreadCheckpointStore
{
    public Task AdvanceAsync(ulong threadId, ulong guildId, long? promptId, ulong lastMessageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            """
            INSERT INTO thread_checkpoints (thread_id, guild_id, prompt_id, last_message_id, updated_at)
            VALUES (@threadId, @guildId, @promptId, @lastMessageId, @now)
            ON CONFLICT (thread_id) DO UPDATE SET last_message_id = excluded.last_message_id, updated_at = excluded.updated_at,
                prompt_id = coalesce(excluded.prompt_id, prompt_id)
            WHERE excluded.last_message_id > last_message_id
            """,
            new { threadId, guildId, promptId, lastMessageId, now },
            cancellationToken);

    public Task<ThreadCheckpoint?> GetAsync(ulong threadId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<ThreadCheckpoint>("SELECT * FROM thread_checkpoints WHERE thread_id = @threadId", new { threadId }, cancellationToken);

    public Task<IReadOnlyList<ThreadCheckpoint>> ListAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<ThreadCheckpoint>("SELECT * FROM thread_checkpoints ORDER BY thread_id", null, cancellationToken);

    public async Task<bool> RemoveAsync(ulong threadId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync("DELETE FROM thread_checkpoints WHERE thread_id = @threadId", new { threadId }, cancellationToken).ConfigureAwait(false) == 1;
}
