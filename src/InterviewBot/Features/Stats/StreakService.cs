using InterviewBot.Core.Stats;
using InterviewBot.Storage;

namespace InterviewBot.Features.Stats;

/// <summary>
/// A member's streak over the guild's scheduled daily questions (<see cref="StreakCalculator"/>): days are the posts'
/// local dates in the schedule's zone, "today" is now in that zone, restored days count as answered.
/// </summary>
public sealed class StreakService(IStatsStore stats, IStreakRestoreStore restores, GuildClock clock)
{
    public async Task<StreakResult> ComputeAsync(ulong guildId, ulong userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (scheduled, answered, restored, today) = await LoadAsync(guildId, userId, now, cancellationToken).ConfigureAwait(false);
        return StreakCalculator.Compute(scheduled, answered, restored, today);
    }

    /// <summary>
    /// Counts <paramref name="date"/> (or, when null, the latest run of missed scheduled days) as answered for the
    /// member; returns the days restored (empty when there was nothing to restore) and the streak after it.
    /// </summary>
    public async Task<(IReadOnlyList<DateOnly> Restored, StreakResult Streak, string? Problem)> RestoreAsync(
        ulong guildId, ulong userId, DateOnly? date, ulong restoredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (scheduled, answered, restored, today) = await LoadAsync(guildId, userId, now, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DateOnly> days;
        if (date is { } day)
        {
            if (!scheduled.Contains(day))
            {
                return ([], StreakCalculator.Compute(scheduled, answered, restored, today), $"No daily question was posted on {day:yyyy-MM-dd}.");
            }

            if (answered.Contains(day) || restored.Contains(day))
            {
                return ([], StreakCalculator.Compute(scheduled, answered, restored, today), $"{day:yyyy-MM-dd} already counts for this member.");
            }

            days = [day];
        }
        else
        {
            days = StreakRestore.LatestMissedRun(scheduled, answered, restored, today);
            if (days.Count == 0)
            {
                return ([], StreakCalculator.Compute(scheduled, answered, restored, today), "This member has not missed a scheduled question: nothing to restore.");
            }
        }

        await restores.AddAsync(guildId, userId, days, restoredBy, now, cancellationToken).ConfigureAwait(false);
        var after = new HashSet<DateOnly>(restored);
        after.UnionWith(days);
        return (days, StreakCalculator.Compute(scheduled, answered, after, today), null);
    }

    private async Task<(HashSet<DateOnly> Scheduled, HashSet<DateOnly> Answered, HashSet<DateOnly> Restored, DateOnly Today)> LoadAsync(
        ulong guildId, ulong userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participation = await stats.ListDailyParticipationAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var restored = await restores.ListAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var zone = await clock.ZoneAsync(guildId, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return (
            [.. participation.Select(p => p.LocalDate)],
            [.. participation.Where(p => p.Answered).Select(p => p.LocalDate)],
            [.. restored],
            today);
    }
}
