using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteGuildSettingsStore(SqliteConnectionFactory factory, SqliteWriter writer, TimeProvider time) : IGuildSettingsStore
{
    private const string Select = "SELECT * FROM guild_settings";

    public async Task<GuildSettings> GetAsync(ulong guildId, CancellationToken cancellationToken) =>
        await factory.QueryOneAsync<GuildSettings>($"{Select} WHERE guild_id = @guildId", new { guildId }, cancellationToken).ConfigureAwait(false)
        ?? GuildSettings.Default(guildId);

    public Task<GuildSettings> UpdateAsync(ulong guildId, Func<GuildSettings, GuildSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return writer.WriteAsync(
            async (connection, transaction) =>
            {
                var current = await connection.QuerySingleOrDefaultAsync<GuildSettings>(
                    Command($"{Select} WHERE guild_id = @guildId", new { guildId }, cancellationToken, transaction)).ConfigureAwait(false)
                    ?? GuildSettings.Default(guildId);
                var changed = change(current) with { GuildId = guildId, UpdatedAt = time.GetUtcNow() };
                await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO guild_settings (guild_id, log_channel_id, review_channel_id, blind_mode, reveal_delay_minutes,
                        anonymous_reviews, digest_enabled, digest_channel_id, digest_weekday, digest_local_time, digest_time_zone,
                        retention_days, updated_at)
                    VALUES (@GuildId, @LogChannelId, @ReviewChannelId, @BlindMode, @RevealDelayMinutes,
                        @AnonymousReviews, @DigestEnabled, @DigestChannelId, @DigestWeekday, @DigestLocalTime, @DigestTimeZone,
                        @RetentionDays, @UpdatedAt)
                    ON CONFLICT (guild_id) DO UPDATE SET
                        log_channel_id = excluded.log_channel_id, review_channel_id = excluded.review_channel_id,
                        blind_mode = excluded.blind_mode, reveal_delay_minutes = excluded.reveal_delay_minutes,
                        anonymous_reviews = excluded.anonymous_reviews, digest_enabled = excluded.digest_enabled,
                        digest_channel_id = excluded.digest_channel_id, digest_weekday = excluded.digest_weekday,
                        digest_local_time = excluded.digest_local_time, digest_time_zone = excluded.digest_time_zone,
                        retention_days = excluded.retention_days, updated_at = excluded.updated_at
                    """,
                    changed,
                    cancellationToken,
                    transaction)).ConfigureAwait(false);
                return changed;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<GuildSettings>> ListWithRetentionAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<GuildSettings>($"{Select} WHERE retention_days IS NOT NULL ORDER BY guild_id", null, cancellationToken);

    public Task<IReadOnlyList<GuildSettings>> ListWithDigestAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<GuildSettings>($"{Select} WHERE digest_enabled = 1 ORDER BY guild_id", null, cancellationToken);
}
