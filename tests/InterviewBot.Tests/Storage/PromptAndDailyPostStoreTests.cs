using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class PromptAndDailyPostStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 3, 29);

    private static async Task<long> AddScheduleAsync(StorageFixture db, string name = "morning")
    {
        var schedules = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);
        var schedule = await schedules.TryCreateAsync(
            new DailySchedule { GuildId = 1, Name = name, ChannelId = 10, LocalTime = new TimeOnly(9, 0), TimeZone = "Europe/Berlin" },
            None);
        return schedule!.ScheduleId;
    }

    [Fact]
    public async Task Prompt_Create_RoundTripsEveryFieldAndFindsByMessageAndThread()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqlitePromptStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);
        var prompt = new Prompt
        {
            GuildId = 1,
            ChannelId = 10,
            MessageId = 1_234_567_890_123_456_789,
            ThreadId = 1_234_567_890_123_456_790,
            QuestionId = "databases/isolation-levels",
            Source = PromptSource.Daily,
            PostedAt = StorageFixture.Start,
            RevealAt = StorageFixture.Start.AddHours(24),
            LocalDate = Day,
            ScheduleId = scheduleId,
        };

        var created = Assert.IsType<Prompt>(await store.TryCreateAsync(prompt, None));

        Assert.Equal(created, await store.GetAsync(created.PromptId, None));
        Assert.Equal(created, await store.FindByMessageAsync(prompt.MessageId, None));
        Assert.Equal(created, await store.FindByThreadAsync(prompt.ThreadId.Value, None));
        Assert.Equal(created, await store.FindDailyAsync(scheduleId, Day, None));
        Assert.Equal([created], await store.ListRecentAsync(1, 10, None));
        Assert.Equal([created], await store.ListOpenAsync(None));
    }

    [Fact]
    public async Task Prompt_SecondDailyForSameScheduleAndDate_IsRefusedBySchema()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqlitePromptStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);
        Prompt Daily(ulong message, DateOnly day) => new()
        {
            GuildId = 1, ChannelId = 10, MessageId = message, QuestionId = "q", Source = PromptSource.Daily,
            PostedAt = StorageFixture.Start, LocalDate = day, ScheduleId = scheduleId,
        };

        Assert.NotNull(await store.TryCreateAsync(Daily(100, Day), None));
        Assert.Null(await store.TryCreateAsync(Daily(101, Day), None));
        Assert.NotNull(await store.TryCreateAsync(Daily(102, Day.AddDays(1)), None));
        Assert.Null(await store.TryCreateAsync(Daily(102, Day.AddDays(2)), None));
    }

    [Fact]
    public async Task Prompt_ConcurrentDailyInsertsFromManyTasks_ExactlyOneWinsPerDay()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqlitePromptStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => store.TryCreateAsync(
            new Prompt
            {
                GuildId = 1, ChannelId = 10, MessageId = (ulong)(5000 + i), QuestionId = "q", Source = PromptSource.Daily,
                PostedAt = StorageFixture.Start, LocalDate = Day.AddDays(i % 4), ScheduleId = scheduleId,
            },
            None))));

        Assert.Equal(4, results.Count(r => r is not null));
        Assert.Equal(4, (await store.ListRecentAsync(1, 100, None)).Count);
    }

    [Fact]
    public async Task Prompt_TryMarkRevealing_SucceedsExactlyOnceUnderConcurrency()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqlitePromptStore(db.Factory, db.Writer);
        var promptId = await db.AddPromptAsync();
        Assert.True(await store.SetRevealAtAsync(promptId, StorageFixture.Start.AddHours(1), None));
        Assert.Empty(await store.ListRevealDueAsync(StorageFixture.Start, None));
        Assert.Single(await store.ListRevealDueAsync(StorageFixture.Start.AddHours(1), None));

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.TryMarkRevealingAsync(promptId, StorageFixture.Start.AddHours(1), None))));

        Assert.Single(claims, c => c);
        Assert.Empty(await store.ListRevealDueAsync(StorageFixture.Start.AddHours(2), None));
        Assert.Single(await store.ListInterruptedRevealsAsync(None));
        Assert.False(await store.SetRevealAtAsync(promptId, null, None));
        Assert.True(await store.ReleaseRevealAsync(promptId, None));
        Assert.True(await store.TryMarkRevealingAsync(promptId, StorageFixture.Start.AddHours(3), None));
        Assert.True(await store.MarkRevealedAsync(promptId, StorageFixture.Start.AddHours(3), None));
        Assert.False(await store.TryMarkRevealingAsync(promptId, StorageFixture.Start.AddHours(4), None));
        Assert.False(await store.ReleaseRevealAsync(promptId, None));
        Assert.Empty(await store.ListInterruptedRevealsAsync(None));
        Assert.Equal(StorageFixture.Start.AddHours(3), (await store.GetAsync(promptId, None))?.RevealedAt);
    }

    [Fact]
    public async Task DailyPost_ClaimMessageThreadComplete_CreatesOnePromptAndIsResumable()
    {
        using var db = await StorageFixture.CreateAsync();
        var posts = new SqliteDailyPostStore(db.Factory, db.Writer);
        var prompts = new SqlitePromptStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);

        var claim = await posts.ClaimAsync(scheduleId, Day, 1, 10, "caching/stampede", StorageFixture.Start, None);
        var again = await posts.ClaimAsync(scheduleId, Day, 1, 10, "some/other-question", StorageFixture.Start.AddMinutes(1), None);

        Assert.True(claim.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal("caching/stampede", again.Post.QuestionId);
        Assert.Equal([claim.Post], await posts.ListIncompleteAsync(None));

        var promptId = await posts.RecordMessageAsync(scheduleId, Day, 7001, StorageFixture.Start, StorageFixture.Start.AddDays(1), None);
        Assert.Equal(promptId, await posts.RecordMessageAsync(scheduleId, Day, 7001, StorageFixture.Start, StorageFixture.Start.AddDays(1), None));
        var halfDone = Assert.Single(await posts.ListIncompleteAsync(None));
        Assert.Equal(7001UL, halfDone.MessageId);
        Assert.Null(halfDone.ThreadId);

        await posts.RecordThreadAsync(scheduleId, Day, 7002, None);
        await posts.CompleteAsync(scheduleId, Day, StorageFixture.Start.AddMinutes(2), None);

        Assert.Empty(await posts.ListIncompleteAsync(None));
        var post = await posts.GetAsync(scheduleId, Day, None);
        Assert.True(post?.IsComplete);
        Assert.Equal(promptId, post?.PromptId);
        var prompt = await prompts.FindByThreadAsync(7002, None);
        Assert.Equal(promptId, prompt?.PromptId);
        Assert.Equal(PromptSource.Daily, prompt?.Source);
        Assert.Equal(Day, prompt?.LocalDate);
        Assert.Equal("caching/stampede", prompt?.QuestionId);
    }

    [Fact]
    public async Task DailyPost_ConcurrentClaims_ExactlyOneIsNew()
    {
        using var db = await StorageFixture.CreateAsync();
        var posts = new SqliteDailyPostStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);

        var claims = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            posts.ClaimAsync(scheduleId, Day, 1, 10, $"q{i}", StorageFixture.Start, None))));

        var winner = Assert.Single(claims, c => c.IsNew);
        Assert.All(claims, c => Assert.Equal(winner.Post.QuestionId, c.Post.QuestionId));
    }

    [Fact]
    public async Task DailyPost_Skip_BlocksALaterClaimFromPosting()
    {
        using var db = await StorageFixture.CreateAsync();
        var posts = new SqliteDailyPostStore(db.Factory, db.Writer);
        var scheduleId = await AddScheduleAsync(db);

        Assert.True(await posts.SkipAsync(scheduleId, Day, 1, 10, "missed by 7 h, grace is 6 h", StorageFixture.Start, None));
        Assert.False(await posts.SkipAsync(scheduleId, Day, 1, 10, "again", StorageFixture.Start, None));
        var claim = await posts.ClaimAsync(scheduleId, Day, 1, 10, "q", StorageFixture.Start, None);

        Assert.False(claim.IsNew);
        Assert.True(claim.Post.IsSkipped);
        Assert.True(claim.Post.IsComplete);
        Assert.Empty(await posts.ListIncompleteAsync(None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => posts.RecordMessageAsync(scheduleId, Day, 1, StorageFixture.Start, null, None));
    }
}
