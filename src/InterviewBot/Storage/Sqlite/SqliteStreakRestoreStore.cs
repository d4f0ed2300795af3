using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteStreakRestoreStore(SqliteConnectionFactory factory, SqliteWriter writer) : IStreakRestoreStore
{
    public Task<int> AddAsync(ulong guildId, ulong userId, IReadOnlyCollection<DateOnly> localDates, ulong restoredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(localDates);
        return writer.WriteAsync(
            async (connection, transaction) =>
            {
                var added = 0;
                foreach (var localDate in localDates)
                {
                    added += await connection.ExecuteAsync(Command(
                        """
                        INSERT INTO streak_restores (guild_id, user_id, local_date, restored_by, restored_at)
                        VALUES (@guildId, @userId, @localDate, @restoredBy, @now) ON CONFLICT DO NOTHING
                        """,
                        new { guildId, userId, localDate, restoredBy, now },
                        cancellationToken,
                        transaction)).ConfigureAwait(false);
                }

                return added;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<DateOnly>> ListAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<DateOnly>(
            "SELECT local_date FROM streak_restores WHERE guild_id = @guildId AND user_id = @userId ORDER BY local_date",
            new { guildId, userId },
            cancellationToken);
}
