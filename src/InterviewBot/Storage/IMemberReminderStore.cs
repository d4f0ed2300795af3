namespace InterviewBot.Storage;

public interface IMemberReminderStore
{
    Task<MemberReminder?> GetAsync(ulong userId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the member's settings; switching on clears the undeliverable mark.</summary>
    Task SaveAsync(MemberReminder reminder, CancellationToken cancellationToken);

    /// <summary>Members with reminders on and deliverable.</summary>
    Task<IReadOnlyList<MemberReminder>> ListEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Claims today's reminder: true for exactly one caller per member and local date.</summary>
    Task<bool> TryClaimDayAsync(ulong userId, DateOnly localDate, CancellationToken cancellationToken);

    Task MarkUndeliverableAsync(ulong userId, DateTimeOffset now, CancellationToken cancellationToken);
}
