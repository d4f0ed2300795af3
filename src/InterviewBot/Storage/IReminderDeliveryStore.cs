namespace InterviewBot.Storage;

/// <summary>The per-member ledger that keeps practice reminders to one DM a day and stops them after a 403.</summary>
public interface IReminderDeliveryStore
{
    Task<ReminderDelivery?> GetAsync(ulong userId, CancellationToken cancellationToken);

    /// <summary>Claims the reminder of <paramref name="localDate"/>: true for exactly one caller per member and date, false when undeliverable.</summary>
    Task<bool> TryClaimDayAsync(ulong userId, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The member switched reminders on again: try DMs again.</summary>
    Task ClearUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken);
}
