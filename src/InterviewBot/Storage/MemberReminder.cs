namespace InterviewBot.Storage;

/// <summary>A member's opt-in daily reminder: at <see cref="ReminderHour"/> in <see cref="TimeZone"/>, when questions are due.</summary>
public sealed record MemberReminder
{
    public required ulong UserId { get; init; }

    /// <summary>The guild whose due questions are counted (where the member switched reminders on).</summary>
    public required ulong GuildId { get; init; }

    public required bool Enabled { get; init; }

    public required int ReminderHour { get; init; }

    /// <summary>An IANA zone id.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The member's local date of the last reminder sent (or attempted).</summary>
    public DateOnly? LastSentDate { get; init; }

    /// <summary>Set when Discord refused a DM with 403; no further attempts until the member switches reminders on again.</summary>
    public DateTimeOffset? UndeliverableAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
