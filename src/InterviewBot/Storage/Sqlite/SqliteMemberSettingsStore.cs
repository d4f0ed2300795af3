using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteMemberSettingsStore(SqliteConnectionFactory factory, SqliteWriter writer, TimeProvider time) : IMemberSettingsStore
{
    private const string Select = "SELECT * FROM member_settings";

    public async Task<MemberSettings> GetAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        await factory.QueryOneAsync<MemberSettings>($"{Select} WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId }, cancellationToken).ConfigureAwait(false)
        ?? MemberSettings.Default(guildId, userId);

    public Task<MemberSettings> UpdateAsync(ulong guildId, ulong userId, Func<MemberSettings, MemberSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return writer.WriteAsync(
            async (connection, transaction) =>
            {
                var current = await connection.QuerySingleOrDefaultAsync<MemberSettings>(
                    Command($"{Select} WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId }, cancellationToken, transaction)).ConfigureAwait(false)
                    ?? MemberSettings.Default(guildId, userId);
                var changed = change(current) with { GuildId = guildId, UserId = userId, UpdatedAt = time.GetUtcNow() };
                await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO member_settings (guild_id, user_id, notifications, reminders_enabled, reminder_hour, time_zone, updated_at)
                    VALUES (@GuildId, @UserId, @Notifications, @RemindersEnabled, @ReminderHour, @TimeZone, @UpdatedAt)
                    ON CONFLICT (guild_id, user_id) DO UPDATE SET
                        notifications = excluded.notifications, reminders_enabled = excluded.reminders_enabled,
                        reminder_hour = excluded.reminder_hour, time_zone = excluded.time_zone, updated_at = excluded.updated_at
                    """,
                    changed,
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                return changed;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MemberSettings>> ListWithRemindersAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<MemberSettings>($"{Select} WHERE reminders_enabled = 1 ORDER BY guild_id, user_id", null, cancellationToken);
}
