namespace InterviewBot.Storage;

/// <summary>A member's own settings in one guild; a member who never changed anything gets <see cref="Default"/>.</summary>
public sealed record MemberSettings
{
    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>Whether the bot may mention the member when their answer is reviewed (<c>/settings notifications</c>).</summary>
    public bool Notifications { get; init; } = true;

    /// <summary>Practice reminders (the interview feature).</summary>
    public bool RemindersEnabled { get; init; }

    /// <summary>Local hour (0-23) of the practice reminder, in <see cref="TimeZone"/>.</summary>
    public int? ReminderHour { get; init; }

    /// <summary>The member's IANA time zone, when they gave one.</summary>
    public string? TimeZone { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static MemberSettings Default(ulong guildId, ulong userId) => new() { GuildId = guildId, UserId = userId };
}
