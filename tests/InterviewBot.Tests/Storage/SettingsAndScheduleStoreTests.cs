using InterviewBot.Core.Scheduling;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class SettingsAndScheduleStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GuildSettings_NeverSaved_ReturnsDefaultsKeepingForever()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteGuildSettingsStore(db.Factory, db.Writer, db.Time);

        var settings = await store.GetAsync(123, None);

        Assert.Equal(GuildSettings.Default(123), settings);
        Assert.Null(settings.RetentionDays);
        Assert.Equal(24 * 60, settings.RevealDelayMinutes);
    }

    [Fact]
    public async Task GuildSettings_Update_RoundTripsEveryField()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteGuildSettingsStore(db.Factory, db.Writer, db.Time);
        var expected = new GuildSettings
        {
            GuildId = 1_100_000_000_000_000_001,
            LogChannelId = 1_100_000_000_000_000_002,
            ReviewChannelId = 1_100_000_000_000_000_003,
            BlindMode = true,
            RevealDelayMinutes = 90,
            AnonymousReviews = true,
            DigestEnabled = true,
            DigestChannelId = 1_100_000_000_000_000_004,
            DigestWeekday = DayOfWeek.Friday,
            DigestLocalTime = new TimeOnly(17, 30),
            DigestTimeZone = "Europe/Berlin",
            RetentionDays = 365,
            UpdatedAt = db.Time.GetUtcNow(),
        };

        var saved = await store.UpdateAsync(expected.GuildId, _ => expected, None);
        var loaded = await store.GetAsync(expected.GuildId, None);

        Assert.Equal(expected, saved);
        Assert.Equal(expected, loaded);
        Assert.Equal([expected], await store.ListWithRetentionAsync(None));
        Assert.Equal([expected], await store.ListWithDigestAsync(None));
    }

    [Fact]
    public async Task GuildSettings_ConcurrentUpdatesOfDifferentFields_BothStick()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteGuildSettingsStore(db.Factory, db.Writer, db.Time);

        await Task.WhenAll(
            Task.Run(() => store.UpdateAsync(5, s => s with { BlindMode = true }, None)),
            Task.Run(() => store.UpdateAsync(5, s => s with { RetentionDays = 30 }, None)),
            Task.Run(() => store.UpdateAsync(5, s => s with { LogChannelId = 77 }, None)));

        var settings = await store.GetAsync(5, None);
        Assert.True(settings.BlindMode);
        Assert.Equal(30, settings.RetentionDays);
        Assert.Equal(77UL, settings.LogChannelId);
    }

    private static DailySchedule Schedule(string name = "morning") => new()
    {
        GuildId = 900,
        Name = name,
        ChannelId = 901,
        LocalTime = new TimeOnly(9, 0),
        TimeZone = "Europe/Berlin",
        Weekdays = WeekdaySet.Parse("mon-fri").Value,
        Categories = ["databases", "caching"],
        Difficulty = "medium",
        RevealAfterMinutes = 600,
        PingRoleId = 902,
        GraceMinutes = 120,
    };

    [Fact]
    public async Task Schedule_CreateGetList_RoundTripsEveryField()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);

        var created = Assert.IsType<DailySchedule>(await store.TryCreateAsync(Schedule(), None));
        var loaded = await store.GetAsync(created.ScheduleId, None);

        Assert.True(created.ScheduleId > 0);
        Assert.NotNull(loaded);
        Assert.Equal(created with { Categories = [] }, loaded with { Categories = [] });
        Assert.Equal(["databases", "caching"], loaded.Categories);
        Assert.Equal(WeekdaySet.Parse("mon-fri").Value, loaded.Weekdays);
        Assert.Equal(StorageFixture.Start, loaded.CreatedAt);
        Assert.Equal(created.ScheduleId, (await store.FindByNameAsync(900, "morning", None))?.ScheduleId);
        Assert.Single(await store.ListForGuildAsync(900, None));
        Assert.Single(await store.ListAllAsync(None));
    }

    [Fact]
    public async Task Schedule_SameNameInGuild_IsRefusedUntilTheFirstIsDeleted()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);
        var first = Assert.IsType<DailySchedule>(await store.TryCreateAsync(Schedule(), None));

        Assert.Null(await store.TryCreateAsync(Schedule(), None));
        Assert.NotNull(await store.TryCreateAsync(Schedule() with { GuildId = 999 }, None));
        Assert.True(await store.DeleteAsync(first.ScheduleId, None));
        Assert.Null(await store.GetAsync(first.ScheduleId, None));
        Assert.NotNull(await store.TryCreateAsync(Schedule(), None));
    }

    [Fact]
    public async Task Schedule_UpdatePauseAndSkipNext_AreStoredAndSkipIsConsumedOnce()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);
        var created = Assert.IsType<DailySchedule>(await store.TryCreateAsync(Schedule(), None));
        var other = Assert.IsType<DailySchedule>(await store.TryCreateAsync(Schedule("evening"), None));

        Assert.True(await store.UpdateAsync(created with { LocalTime = new TimeOnly(7, 45), TimeZone = "America/New_York", Categories = [] }, None));
        Assert.False(await store.UpdateAsync(created with { Name = "evening" }, None));
        Assert.True(await store.SetPausedAsync(created.ScheduleId, true, None));
        Assert.True(await store.SetSkipNextAsync(other.ScheduleId, true, None));

        var loaded = await store.GetAsync(created.ScheduleId, None);
        Assert.Equal(new TimeOnly(7, 45), loaded?.LocalTime);
        Assert.Equal("America/New_York", loaded?.TimeZone);
        Assert.Empty(loaded!.Categories);
        Assert.True(loaded.Paused);

        var consumed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryConsumeSkipNextAsync(other.ScheduleId, None))));
        Assert.Single(consumed, c => c);
        Assert.False((await store.GetAsync(other.ScheduleId, None))!.SkipNext);
    }
}
