using InterviewBot.Core.Scheduling;
using InterviewBot.Storage;

namespace InterviewBot.Features.Stats;

/// <summary>
/// The time zone a guild's stats are counted in: its first daily schedule's zone (streak days are that schedule's
/// local dates), else the digest's zone, else UTC.
/// </summary>
public sealed class GuildClock(IDailyScheduleStore schedules, IGuildSettingsStore settings)
{
    public async Task<TimeZoneInfo> ZoneAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var daily = (await schedules.ListForGuildAsync(guildId, cancellationToken).ConfigureAwait(false))
            .OrderBy(s => s.ScheduleId)
            .FirstOrDefault();
        if (daily is not null && IanaTimeZones.Parse(daily.TimeZone) is { Success: true } zone)
        {
            return zone.Value!;
        }

        var guild = await settings.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        return IanaTimeZones.Parse(guild.DigestTimeZone) is { Success: true } digest ? digest.Value! : TimeZoneInfo.Utc;
    }
}
