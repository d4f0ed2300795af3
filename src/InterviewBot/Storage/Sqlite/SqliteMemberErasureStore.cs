namespace InterviewBot.Storage;

public sealed class SqliteMemberErasureStore(SqliteConnectionFactory factory, SqliteWriter writer) : IMemberErasureStore
{
    public Task RecordAsync(ulong guildId, ulong userId, DateTimeOffset erasedAt, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            """
            INSERT INTO member_erasures (guild_id, user_id, erased_at) VALUES (@guildId, @userId, @erasedAt)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)
            """,
            new { guildId, userId, erasedAt },
            cancellationToken);

    public Task<IReadOnlyList<MemberErasure>> ListAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<MemberErasure>("SELECT * FROM member_erasures ORDER BY guild_id, user_id", null, cancellationToken);
}
