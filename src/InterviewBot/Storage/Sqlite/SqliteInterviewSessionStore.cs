using Dapper;
using Microsoft.Data.Sqlite;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteInterviewSessionStore(SqliteConnectionFactory factory, SqliteWriter writer) : IInterviewSessionStore
{
    private const string Select = "SELECT * FROM interview_sessions";

    public async Task<InterviewSession?> TryStartAsync(ulong guildId, ulong userId, ulong channelId, IReadOnlyList<string> questionIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        try
        {
            var id = await writer.WriteAsync(
                (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(
                    """
                    INSERT INTO interview_sessions (guild_id, user_id, channel_id, status, question_ids, current_index, started_at, updated_at)
                    VALUES (@guildId, @userId, @channelId, 'active', @questionIds, 0, @now, @now)
                    RETURNING session_id
                    """,
                    new { guildId, userId, channelId, questionIds, now },
                    cancellationToken,
                    transaction)),
                cancellationToken).ConfigureAwait(false);
            return new InterviewSession
            {
                SessionId = id,
                GuildId = guildId,
                UserId = userId,
                ChannelId = channelId,
                Status = InterviewSessionStatus.Active,
                QuestionIds = questionIds,
                StartedAt = now,
                UpdatedAt = now,
            };
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return null;
        }
    }

    public Task<InterviewSession?> GetAsync(long sessionId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<InterviewSession>($"{Select} WHERE session_id = @sessionId", new { sessionId }, cancellationToken);

    public Task<InterviewSession?> FindActiveAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<InterviewSession>(
            $"{Select} WHERE guild_id = @guildId AND user_id = @userId AND status = 'active'", new { guildId, userId }, cancellationToken);

    public async Task<InterviewSession?> FindByChannelAsync(ulong channelId, CancellationToken cancellationToken) =>
        (await factory.QueryListAsync<InterviewSession>(
            $"{Select} WHERE channel_id = @channelId ORDER BY session_id DESC LIMIT 1", new { channelId }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<bool> TryAdvanceAsync(long sessionId, int expectedIndex, int newIndex, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            UPDATE interview_sessions SET current_index = @newIndex, updated_at = @now
            WHERE session_id = @sessionId AND status = 'active' AND current_index = @expectedIndex
            """,
            new { sessionId, expectedIndex, newIndex, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> EndAsync(long sessionId, InterviewSessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (status == InterviewSessionStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "a session ends as finished or abandoned");
        }

        return await writer.ExecuteWriteAsync(
            "UPDATE interview_sessions SET status = @statusText, ended_at = @now, updated_at = @now WHERE session_id = @sessionId AND status = 'active'",
            new { sessionId, statusText = status == InterviewSessionStatus.Finished ? "finished" : "abandoned", now },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<IReadOnlyList<InterviewSession>> ListStaleActiveAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken) =>
        factory.QueryListAsync<InterviewSession>(
            $"{Select} WHERE status = 'active' AND updated_at < @updatedBefore ORDER BY updated_at", new { updatedBefore }, cancellationToken);
}
