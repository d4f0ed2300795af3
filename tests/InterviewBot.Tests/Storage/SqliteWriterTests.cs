using Dapper;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class SqliteWriterTests
{
    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackEverythingItWrote()
    {
        using var db = await StorageFixture.CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Writer.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("INSERT INTO guild_settings (guild_id, updated_at) VALUES (1, 0)", transaction: transaction);
                throw new InvalidOperationException("handler failed half-way");
            },
            CancellationToken.None));
        await db.Writer.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync("INSERT INTO guild_settings (guild_id, updated_at) VALUES (2, 0)", transaction: transaction),
            CancellationToken.None);

        using var check = db.Factory.Open();
        Assert.Equal([2L], check.Query<long>("SELECT guild_id FROM guild_settings"));
    }

    [Fact]
    public async Task RecordMessage_PromptInsertConflicts_LeavesTheLedgerUntouched()
    {
        using var db = await StorageFixture.CreateAsync();
        var schedule = await new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time).TryCreateAsync(
            new DailySchedule { GuildId = 1, Name = "m", ChannelId = 10, LocalTime = new TimeOnly(9, 0), TimeZone = "Etc/UTC" }, CancellationToken.None);
        var posts = new SqliteDailyPostStore(db.Factory, db.Writer);
        var day = new DateOnly(2026, 3, 2);
        await db.AddPromptAsync(messageId: 777);
        await posts.ClaimAsync(schedule!.ScheduleId, day, 1, 10, "q", StorageFixture.Start, CancellationToken.None);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            posts.RecordMessageAsync(schedule.ScheduleId, day, 777, StorageFixture.Start, null, CancellationToken.None));

        var post = await posts.GetAsync(schedule.ScheduleId, day, CancellationToken.None);
        Assert.Null(post?.MessageId);
        Assert.Null(post?.PromptId);
        Assert.Null(await new SqlitePromptStore(db.Factory, db.Writer).FindDailyAsync(schedule.ScheduleId, day, CancellationToken.None));
    }

    [Fact]
    public async Task Reads_WhileAWriteTransactionIsOpen_SeeTheLastCommittedState()
    {
        using var db = await StorageFixture.CreateAsync();
        var settings = new SqliteGuildSettingsStore(db.Factory, db.Writer, db.Time);
        await settings.UpdateAsync(1, s => s with { RevealDelayMinutes = 10 }, CancellationToken.None);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var write = db.Writer.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("UPDATE guild_settings SET reveal_delay_minutes = 20", transaction: transaction);
                inside.SetResult();
                await release.Task;
            },
            CancellationToken.None);
        await inside.Task;

        Assert.Equal(10, (await settings.GetAsync(1, CancellationToken.None)).RevealDelayMinutes);
        release.SetResult();
        await write;
        Assert.Equal(20, (await settings.GetAsync(1, CancellationToken.None)).RevealDelayMinutes);
    }
}
