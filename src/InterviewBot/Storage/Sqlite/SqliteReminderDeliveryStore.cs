namespace InterviewBot.Storage;

public sealed class SqliteReminderDeliveryStore(SqliteConnectionFactory factory, SqliteWriter writer) : IReminderDeliveryStore
{
    public Task<ReminderDelivery?> GetAsync(ulong userId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<ReminderDelivery>("SELECT * FROM reminder_deliveries WHERE user_id = @userId", new { userId }, cancellationToken);

    public async Task<bool> TryClaimDayAsync(ulong userId, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            """
            INSERT INTO reminder_deliveries (user_id, last_sent_date, updated_at) VALUES (@userId, @localDate, @now)
            ON CONFLICT (user_id) DO UPDATE SET last_sent_date = excluded.last_sent_date, updated_at = excluded.updated_at
            WHERE reminder_deliveries.undeliverable_at IS NULL
              AND (reminder_deliveries.last_sent_date IS NULL OR reminder_deliveries.last_sent_date < excluded.last_sent_date)
            """,
            new { userId, localDate, now },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task MarkUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            """
            INSERT INTO reminder_deliveries (user_id, undeliverable_at, updated_at) VALUES (@userId, @now, @now)
            ON CONFLICT (user_id) DO UPDATE SET undeliverable_at = excluded.undeliverable_at, updated_at = excluded.updated_at
            """,
            new { userId, now },
            cancellationToken);

    public Task ClearUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ExecuteWriteAsync(
            "UPDATE reminder_deliveries SET undeliverable_at = NULL, updated_at = @now WHERE user_id = @userId",
            new { userId, now },
            cancellationToken);
}
