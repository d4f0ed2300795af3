using Dapper;
using Microsoft.Data.Sqlite;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteDailyScheduleStore(SqliteConnectionFactory factory, SqliteWriter writer, TimeProvider time) : IDailyScheduleStore
{
    private const string Select = "SELECT * FROM daily_schedules WHERE deleted_at IS NULL";

    public async Task<DailySchedule?> TryCreateAsync(DailySchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var now = time.GetUtcNow();
        var row = schedule with { CreatedAt = now, UpdatedAt = now };
        try
        {
            var id = await writer.WriteAsync(
                (connection, transaction) => connection.ExecuteScalarAsync<long>(Command(
                    """
                    INSERT INTO daily_schedules (guild_id, name, channel_id, local_time, time_zone, weekdays, categories, difficulty,
                        reveal_after_minutes, ping_role_id, paused, skip_next, grace_minutes, created_at, updated_at)
                    VALUES (@GuildId, @Name, @ChannelId, @LocalTime, @TimeZone, @Weekdays, @Categories, @Difficulty,
                        @RevealAfterMinutes, @PingRoleId, @Paused, @SkipNext, @GraceMinutes, @CreatedAt, @UpdatedAt)
                    RETURNING schedule_id
                    """,
                    row,
                    cancellationToken,
                    transaction)),
                cancellationToken).ConfigureAwait(false);
            return row with { ScheduleId = id };
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return null;
        }
    }

    public Task<DailySchedule?> GetAsync(long scheduleId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<DailySchedule>($"{Select} AND schedule_id = @scheduleId", new { scheduleId }, cancellationToken);

    public Task<DailySchedule?> FindByNameAsync(ulong guildId, string name, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<DailySchedule>($"{Select} AND guild_id = @guildId AND name = @name", new { guildId, name }, cancellationToken);

    public Task<IReadOnlyList<DailySchedule>> ListForGuildAsync(ulong guildId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<DailySchedule>($"{Select} AND guild_id = @guildId ORDER BY name", new { guildId }, cancellationToken);

    public Task<IReadOnlyList<DailySchedule>> ListAllAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<DailySchedule>($"{Select} ORDER BY schedule_id", null, cancellationToken);

    public async Task<bool> UpdateAsync(DailySchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var row = schedule with { UpdatedAt = time.GetUtcNow() };
        try
        {
            return await writer.ExecuteWriteAsync(
            """
            UPDATE daily_schedules SET name = @Name, channel_id = @ChannelId, local_time = @LocalTime, time_zone = @TimeZone,
                weekdays = @Weekdays, categories = @Categories, difficulty = @Difficulty, reveal_after_minutes = @RevealAfterMinutes,
                ping_role_id = @PingRoleId, paused = @Paused, skip_next = @SkipNext, grace_minutes = @GraceMinutes, updated_at = @UpdatedAt
            WHERE schedule_id = @ScheduleId AND deleted_at IS NULL
            """,
            row,
            cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public async Task<bool> SetPausedAsync(long scheduleId, bool paused, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE daily_schedules SET paused = @paused, updated_at = @now WHERE schedule_id = @scheduleId AND deleted_at IS NULL",
            new { scheduleId, paused, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> SetSkipNextAsync(long scheduleId, bool skipNext, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE daily_schedules SET skip_next = @skipNext, updated_at = @now WHERE schedule_id = @scheduleId AND deleted_at IS NULL",
            new { scheduleId, skipNext, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> TryConsumeSkipNextAsync(long scheduleId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE daily_schedules SET skip_next = 0, updated_at = @now WHERE schedule_id = @scheduleId AND skip_next = 1",
            new { scheduleId, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> DeleteAsync(long scheduleId, CancellationToken cancellationToken) =>
        await writer.ExecuteWriteAsync(
            "UPDATE daily_schedules SET deleted_at = @now, updated_at = @now WHERE schedule_id = @scheduleId AND deleted_at IS NULL",
            new { scheduleId, now = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false) == 1;
}
