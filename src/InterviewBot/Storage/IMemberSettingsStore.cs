namespace InterviewBot.Storage;

/// <summary>Per-member settings (review notifications, practice reminders).</summary>
public interface IMemberSettingsStore
{
    /// <summary>The stored settings, or <see cref="MemberSettings.Default"/> when the member never saved any.</summary>
    Task<MemberSettings> GetAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Reads, changes and saves in one write transaction.</summary>
    Task<MemberSettings> UpdateAsync(ulong guildId, ulong userId, Func<MemberSettings, MemberSettings> change, CancellationToken cancellationToken);

    /// <summary>Members who turned practice reminders on (for the reminder job).</summary>
    Task<IReadOnlyList<MemberSettings>> ListWithRemindersAsync(CancellationToken cancellationToken);
}
