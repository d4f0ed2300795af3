using InterviewBot.Core.Repetition;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class PracticeStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task InterviewSession_StartAdvanceEnd_RoundTrips()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteInterviewSessionStore(db.Factory, db.Writer);

        var session = Assert.IsType<InterviewSession>(await store.TryStartAsync(1, 7, 70, ["a/one", "b/two", "c/three"], StorageFixture.Start, None));

        Assert.Equal(session with { QuestionIds = [] }, (await store.GetAsync(session.SessionId, None))! with { QuestionIds = [] });
        Assert.Equal(["a/one", "b/two", "c/three"], (await store.FindActiveAsync(1, 7, None))?.QuestionIds);
        Assert.Equal(session.SessionId, (await store.FindByChannelAsync(70, None))?.SessionId);
        Assert.True(await store.TryAdvanceAsync(session.SessionId, 0, 1, StorageFixture.Start.AddMinutes(5), None));
        Assert.False(await store.TryAdvanceAsync(session.SessionId, 0, 1, StorageFixture.Start.AddMinutes(5), None));
        Assert.Empty(await store.ListStaleActiveAsync(StorageFixture.Start.AddMinutes(5), None));
        Assert.Single(await store.ListStaleActiveAsync(StorageFixture.Start.AddMinutes(6), None));
        Assert.True(await store.EndAsync(session.SessionId, InterviewSessionStatus.Finished, StorageFixture.Start.AddMinutes(9), None));
        Assert.False(await store.EndAsync(session.SessionId, InterviewSessionStatus.Abandoned, StorageFixture.Start.AddMinutes(9), None));

        var ended = await store.GetAsync(session.SessionId, None);
        Assert.Equal(InterviewSessionStatus.Finished, ended?.Status);
        Assert.Equal(1, ended?.CurrentIndex);
        Assert.Equal(StorageFixture.Start.AddMinutes(9), ended?.EndedAt);
        Assert.Null(await store.FindActiveAsync(1, 7, None));
    }

    [Fact]
    public async Task InterviewSession_ConcurrentStartsBySameMember_OnlyOneActive()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteInterviewSessionStore(db.Factory, db.Writer);

        var started = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => store.TryStartAsync(1, 7, (ulong)(100 + i), ["q"], StorageFixture.Start, None))));
        var winner = Assert.Single(started, s => s is not null);

        Assert.NotNull(await store.TryStartAsync(2, 7, 200, ["q"], StorageFixture.Start, None));
        Assert.True(await store.EndAsync(winner!.SessionId, InterviewSessionStatus.Abandoned, StorageFixture.Start, None));
        Assert.NotNull(await store.TryStartAsync(1, 7, 300, ["q"], StorageFixture.Start, None));
    }

    [Fact]
    public async Task SpacedRepetition_SaveGetListDue_RoundTrips()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteSpacedRepetitionStore(db.Factory, db.Writer);
        var later = new RepetitionState(2.36, 6, 2, 1, StorageFixture.Start.AddDays(6), StorageFixture.Start);
        var due = RepetitionState.New(StorageFixture.Start);

        await store.SaveAsync(1, 7, "caching/ttl", later, None);
        await store.SaveAsync(1, 7, "db/indexes", due, None);
        await store.SaveAsync(1, 7, "caching/ttl", later with { Repetitions = 3 }, None);

        Assert.Equal(later with { Repetitions = 3 }, await store.GetAsync(1, 7, "caching/ttl", None));
        Assert.Null(await store.GetAsync(2, 7, "caching/ttl", None));
        var dueNow = Assert.Single(await store.ListDueAsync(1, 7, StorageFixture.Start, 10, None));
        Assert.Equal(new RepetitionEntry(1, 7, "db/indexes", due), dueNow);
        Assert.Equal(2, (await store.ListDueAsync(1, 7, StorageFixture.Start.AddDays(7), 10, None)).Count);
        Assert.Equal(2, (await store.ListForMemberAsync(1, 7, None)).Count);
    }

    [Fact]
    public async Task GuildQuestion_AddFindUpdateDelete_AndKeyUniqueAmongLiveQuestions()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteGuildQuestionStore(db.Factory, db.Writer, db.Time);
        const string body = "id: our-queue\nprompt: |\n  How does *our* queue retry?\n";
        var question = new GuildQuestion { GuildId = 1, QuestionKey = "our-queue", Category = "messaging", Difficulty = "hard", Body = body, CreatedBy = 7 };

        var added = Assert.IsType<GuildQuestion>(await store.TryAddAsync(question, None));

        Assert.Null(await store.TryAddAsync(question, None));
        Assert.Equal(added, await store.GetAsync(added.GuildQuestionId, None));
        Assert.Equal(added, await store.FindAsync(1, "our-queue", None));
        Assert.True(await store.UpdateAsync(added.GuildQuestionId, "queues", "medium", body + "# v2\n", None));
        Assert.Equal("queues", (await store.FindAsync(1, "our-queue", None))?.Category);
        Assert.Single(await store.ListAsync(1, None));
        Assert.True(await store.DeleteAsync(added.GuildQuestionId, None));
        Assert.Empty(await store.ListAsync(1, None));
        Assert.NotNull((await store.GetAsync(added.GuildQuestionId, None))?.DeletedAt);
        Assert.Null(await store.FindAsync(1, "our-queue", None));
        Assert.Equal(added.GuildQuestionId, (await store.FindIncludingDeletedAsync(1, "our-queue", None))?.GuildQuestionId);
        var again = await store.TryAddAsync(question, None);
        Assert.NotNull(again);
        Assert.Equal(again.GuildQuestionId, (await store.FindIncludingDeletedAsync(1, "our-queue", None))?.GuildQuestionId);
    }

    [Fact]
    public async Task DisabledBankQuestions_DisableEnable_RoundTrip()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteGuildQuestionStore(db.Factory, db.Writer, db.Time);

        Assert.True(await store.DisableBankQuestionAsync(1, "caching/ttl", 7, None));
        Assert.False(await store.DisableBankQuestionAsync(1, "caching/ttl", 8, None));
        Assert.True(await store.DisableBankQuestionAsync(1, "db/indexes", 7, None));
        Assert.True(await store.EnableBankQuestionAsync(1, "db/indexes", None));

        Assert.Equal(["caching/ttl"], await store.ListDisabledBankQuestionsAsync(1, None));
        Assert.Empty(await store.ListDisabledBankQuestionsAsync(2, None));
    }

    [Fact]
    public async Task Suggestion_AddListDecide_DecidedExactlyOnce()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteSuggestionStore(db.Factory, db.Writer);
        var suggestion = await store.AddAsync(1, 7, "What is *write skew*?", StorageFixture.Start, None);
        await store.AddAsync(1, 8, "Explain consistent hashing", StorageFixture.Start, None);
        Assert.True(await store.SetMessageAsync(suggestion.SuggestionId, 555, None));

        var decisions = await Task.WhenAll(
            Task.Run(() => store.TryDecideAsync(suggestion.SuggestionId, SuggestionStatus.Accepted, 90, null, null, StorageFixture.Start, None)),
            Task.Run(() => store.TryDecideAsync(suggestion.SuggestionId, SuggestionStatus.Rejected, 91, "duplicate", null, StorageFixture.Start, None)));

        Assert.Single(decisions, d => d);
        var decided = await store.GetAsync(suggestion.SuggestionId, None);
        Assert.NotEqual(SuggestionStatus.Pending, decided?.Status);
        Assert.Equal(555UL, decided?.MessageId);
        Assert.Equal("What is *write skew*?", decided?.Body);
        Assert.Single(await store.ListAsync(1, SuggestionStatus.Pending, None));
        Assert.Single(await store.ListAsync(1, decided!.Status, None));
    }

    [Fact]
    public async Task ThreadCheckpoint_OnlyMovesForward()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteThreadCheckpointStore(db.Factory, db.Writer);
        var promptId = await db.AddPromptAsync();

        await store.AdvanceAsync(50, 1, promptId, 1000, StorageFixture.Start, None);
        await store.AdvanceAsync(50, 1, null, 900, StorageFixture.Start.AddMinutes(1), None);
        Assert.Equal(1000UL, (await store.GetAsync(50, None))?.LastMessageId);
        await store.AdvanceAsync(50, 1, null, 1100, StorageFixture.Start.AddMinutes(2), None);

        var checkpoint = Assert.Single(await store.ListAsync(None));
        Assert.Equal(new ThreadCheckpoint { ThreadId = 50, GuildId = 1, PromptId = promptId, LastMessageId = 1100, UpdatedAt = StorageFixture.Start.AddMinutes(2) }, checkpoint);
        Assert.True(await store.RemoveAsync(50, None));
        Assert.Null(await store.GetAsync(50, None));
    }

    [Fact]
    public async Task QuestionUsage_ListsNewestFirstPerGuildAndSchedule()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteQuestionUsageStore(db.Factory, db.Writer);
        var schedules = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);
        var schedule = await schedules.TryCreateAsync(new DailySchedule { GuildId = 1, Name = "m", ChannelId = 2, LocalTime = new TimeOnly(9, 0), TimeZone = "Etc/UTC" }, None);

        await store.RecordAsync(1, schedule!.ScheduleId, "a", StorageFixture.Start, None);
        await store.RecordAsync(1, null, "b", StorageFixture.Start.AddDays(1), None);
        await store.RecordAsync(1, schedule.ScheduleId, "c", StorageFixture.Start.AddDays(2), None);
        await store.RecordAsync(2, null, "d", StorageFixture.Start, None);

        Assert.Equal(["c", "b", "a"], (await store.ListAsync(1, null, None)).Select(u => u.QuestionId));
        Assert.Equal(["c", "a"], (await store.ListAsync(1, schedule.ScheduleId, None)).Select(u => u.QuestionId));
        Assert.Equal(StorageFixture.Start.AddDays(2), (await store.ListAsync(1, null, None))[0].UsedAt);
    }

    [Fact]
    public async Task QuestionUsage_SamePostRecordedTwice_IsStoredOnce()
    {
        // A post finished again after a crash records the same use again (docs/reliability.md, crash matrix).
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteQuestionUsageStore(db.Factory, db.Writer);
        var schedules = new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time);
        var schedule = await schedules.TryCreateAsync(new DailySchedule { GuildId = 1, Name = "m", ChannelId = 2, LocalTime = new TimeOnly(9, 0), TimeZone = "Etc/UTC" }, None);

        await store.RecordAsync(1, schedule!.ScheduleId, "a", StorageFixture.Start, None);
        await store.RecordAsync(1, schedule.ScheduleId, "a", StorageFixture.Start, None);
        await store.RecordAsync(1, null, "b", StorageFixture.Start, None);
        await store.RecordAsync(1, null, "b", StorageFixture.Start, None);
        await store.RecordAsync(1, null, "b", StorageFixture.Start.AddDays(1), None); // a later post of the same question

        Assert.Equal(["b", "b", "a"], (await store.ListAsync(1, null, None)).Select(u => u.QuestionId));
        Assert.Equal(["a"], (await store.ListAsync(1, schedule.ScheduleId, None)).Select(u => u.QuestionId));
    }
}
