namespace InterviewBot.Storage;

/// <summary>Whether and when a member was last sent a practice reminder.</summary>
public sealed record ReminderDelivery
{
    public required ulong UserId { get; init; }

    /// <summary>The member's local date of the last reminder sent (or attempted).</summary>
    public DateOnly? LastSentDate { get; init; }

    /// <summary>Set when Discord refused a DM with 403; nothing is sent until the member switches reminders on again.</summary>
    public DateTimeOffset? UndeliverableAt { get; init; }
}
