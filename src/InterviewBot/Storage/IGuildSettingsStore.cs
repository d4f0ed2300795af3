namespace InterviewBot.Storage;

public interface IGuildSettingsStore
{
    /// <summary>The stored settings, or <see cref="GuildSettings.Default"/> when the guild never saved any.</summary>
    Task<GuildSettings> GetAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Reads, changes and saves in one write transaction, so concurrent changes to different settings both stick.</summary>
    Task<GuildSettings> UpdateAsync(ulong guildId, Func<GuildSettings, GuildSettings> change, CancellationToken cancellationToken);

    /// <summary>Guilds that set a retention period (for the daily prune job).</summary>
    Task<IReadOnlyList<GuildSettings>> ListWithRetentionAsync(CancellationToken cancellationToken);

    /// <summary>Guilds with the weekly digest enabled.</summary>
    Task<IReadOnlyList<GuildSettings>> ListWithDigestAsync(CancellationToken cancellationToken);
}
