namespace InterviewBot.Storage;

public interface IDailyScheduleStore
{
    /// <summary>Creates the schedule; null when the guild already has a schedule with that name.</summary>
    Task<DailySchedule?> TryCreateAsync(DailySchedule schedule, CancellationToken cancellationToken);

    Task<DailySchedule?> GetAsync(long scheduleId, CancellationToken cancellationToken);

    Task<DailySchedule?> FindByNameAsync(ulong guildId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<DailySchedule>> ListForGuildAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Every schedule of every guild (paused ones included), for building triggers at start-up.</summary>
    Task<IReadOnlyList<DailySchedule>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Saves every field but the id, guild and creation time; false when the schedule does not exist or another schedule of the guild has the new name.</summary>
    Task<bool> UpdateAsync(DailySchedule schedule, CancellationToken cancellationToken);

    Task<bool> SetPausedAsync(long scheduleId, bool paused, CancellationToken cancellationToken);

    Task<bool> SetSkipNextAsync(long scheduleId, bool skipNext, CancellationToken cancellationToken);

    /// <summary>Atomically clears skip_next; true when it was set (so this occurrence is skipped exactly once).</summary>
    Task<bool> TryConsumeSkipNextAsync(long scheduleId, CancellationToken cancellationToken);

    /// <summary>Soft delete: the schedule disappears from lists, its history stays.</summary>
    Task<bool> DeleteAsync(long scheduleId, CancellationToken cancellationToken);
}
