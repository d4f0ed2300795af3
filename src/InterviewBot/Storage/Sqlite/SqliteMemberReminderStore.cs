namespace InterviewBot.Storage;

public sealed class SqliteMemberReminderStore(SqliteConnectionFactory factory, SqliteWriter writer) : IMemberReminderStore
{
    public Task<MemberReminder?> GetAsync(ulong userId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<MemberReminder>("SELECT * FROM member_reminders WHERE user_id = @userId", new { userId }, cancellationToken);

    public Task SaveAsync(MemberReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return writer.ExecuteWriteAsync(
            """
            INSERT INTO member_reminders (user_id, guild_id, enabled, reminder_hour, time_zone, last_sent_date, undeliverable_at, updated_at)
            VALUES (@UserId, @GuildId, @Enabled, @ReminderHour, @TimeZone, @LastSentDate, @UndeliverableAt, @UpdatedAt)
            ON CONFLICT (user_id) DO UPDATE SET guild_id = excluded.guild_id, enabled = excluded.enabled, reminder_hour = excluded.reminder_hour,
                time_zone = excluded.time_zone, last_sent_date = excluded.last_sent_date, undeliverable_at = excluded.undeliverable_at,
                updated_at = excluded.updated_at
            """,
            reminder,
            cancellationToken);
    }

    public Task<IReadOnlyList<MemberReminder>> ListEnabledAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<MemberReminder>(
            "SELECT * FROM member_reminders WHERE enabled = 1 AND undeliverable_at IS NULL ORDER BY user_id", null, cancellationToken);

    public async Task<bool> TryClaimDayAsync(ulong userId, DateOnly localDate, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            UPDATE member_reminders SET last_sent_date = @localDate
            WHERE user_id = @userId AND enabled = 1 AND undeliverable_at IS NULL AND (last_sent_date IS NULL OR last_sent_date < @localDate)
            """,
            new { userId, localDate },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task MarkUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            "UPDATE member_reminders SET undeliverable_at = @now, updated_at = @now WHERE user_id = @userId",
            new { userId, now },
            cancellationToken);
}
