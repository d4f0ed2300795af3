using Dapper;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Reviews;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class MemberDataAndStatsStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed record Stores(StorageFixture Db)
    {
        public SqliteAnswerStore Answers { get; } = new(Db.Factory, Db.Writer, Db.Time);

        public SqliteReviewStore Reviews { get; } = new(Db.Factory, Db.Writer);

        public SqlitePromptStore Prompts { get; } = new(Db.Factory, Db.Writer);

        public SqliteGuildSettingsStore Settings { get; } = new(Db.Factory, Db.Writer, Db.Time);

        public async Task<long> AnswerAsync(long promptId, ulong userId, ulong messageId, DateTimeOffset at, string text = "answer", bool late = false) =>
            await Answers.UpsertPartAsync(
                new AnswerPartWrite { PromptId = promptId, GuildId = 1, UserId = userId, MessageId = messageId, Content = text, WrittenAt = at, IsLate = late },
                None);
    }

    [Fact]
    public async Task Stats_MemberTotals_CountLiveAnswersReviewsVotesAndCoverage()
    {
        using var db = await StorageFixture.CreateAsync();
        var s = new Stores(db);
        var p1 = await db.AddPromptAsync();
        var p2 = await db.AddPromptAsync();
        var p3 = await db.AddPromptAsync();
        var a1 = await s.AnswerAsync(p1, 7, 100, StorageFixture.Start);
        var a2 = await s.AnswerAsync(p2, 7, 101, StorageFixture.Start, late: true);
        await s.AnswerAsync(p3, 7, 102, StorageFixture.Start);
        await s.Answers.SoftDeletePartAsync(102, StorageFixture.Start, None);
        await s.Answers.SetCoverageAsync(a1, ["ttl", "eviction"], 4, None);
        await s.Answers.SetCoverageAsync(a2, [], 4, None);
        var other = await s.AnswerAsync(p1, 8, 103, StorageFixture.Start);
        await s.Reviews.UpsertAsync(a1, 1, 8, new Rubric(5, 5, 5), null, StorageFixture.Start, None);
        await s.Reviews.UpsertAsync(a1, 1, 9, new Rubric(2, 2, 2), null, StorageFixture.Start, None);
        var given = (await s.Reviews.UpsertAsync(other, 1, 7, new Rubric(3, 3, 3), null, StorageFixture.Start, None)).Review;
        await s.Reviews.AddHelpfulVoteAsync(given.ReviewId, 8, StorageFixture.Start, None);

        var stats = await new SqliteStatsStore(db.Factory).GetMemberStatsAsync(1, 7, None);

        Assert.Equal(
            new MemberStats
            {
                GuildId = 1, UserId = 7, Answers = 2, LateAnswers = 1, ReviewsGiven = 1, ReviewsReceived = 2,
                AverageReviewScore = 3.5, HelpfulVotesReceived = 1, AverageCoverage = 0.25,
            },
            stats);
        Assert.Equal(new MemberStats { GuildId = 1, UserId = 99 }, await new SqliteStatsStore(db.Factory).GetMemberStatsAsync(1, 99, None));
    }

    [Fact]
    public async Task Stats_DailyParticipationAndLeaderboardAndActivity_ReflectThePeriod()
    {
        using var db = await StorageFixture.CreateAsync();
        var s = new Stores(db);
        var posts = new SqliteDailyPostStore(db.Factory, db.Writer);
        var schedule = await new SqliteDailyScheduleStore(db.Factory, db.Writer, db.Time).TryCreateAsync(
            new DailySchedule { GuildId = 1, Name = "m", ChannelId = 10, LocalTime = new TimeOnly(9, 0), TimeZone = "Etc/UTC" }, None);
        var day = new DateOnly(2026, 3, 2);
        var promptIds = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await posts.ClaimAsync(schedule!.ScheduleId, day.AddDays(i), 1, 10, $"q{i}", StorageFixture.Start.AddDays(i), None);
            promptIds.Add(await posts.RecordMessageAsync(schedule.ScheduleId, day.AddDays(i), (ulong)(500 + i), StorageFixture.Start.AddDays(i), null, None));
        }

        await s.AnswerAsync(promptIds[0], 7, 600, StorageFixture.Start);
        await s.AnswerAsync(promptIds[2], 7, 601, StorageFixture.Start.AddDays(2));
        var eight = await s.AnswerAsync(promptIds[2], 8, 602, StorageFixture.Start.AddDays(2));
        await s.AnswerAsync(promptIds[1], 8, 603, StorageFixture.Start.AddDays(1), late: true);
        await s.Reviews.UpsertAsync(eight, 1, 9, new Rubric(4, 4, 4), null, StorageFixture.Start.AddDays(2), None);
        var stats = new SqliteStatsStore(db.Factory);

        var participation = await stats.ListDailyParticipationAsync(1, 7, None);
        var board = await stats.GetLeaderboardAsync(1, StorageFixture.Start.AddDays(2), StorageFixture.Start.AddDays(3), None);
        var activity = await stats.GetGuildActivityAsync(1, StorageFixture.Start, StorageFixture.Start.AddDays(3), None);

        Assert.Equal([true, false, true], participation.Select(p => p.Answered));
        Assert.Equal([day, day.AddDays(1), day.AddDays(2)], participation.Select(p => p.LocalDate));
        Assert.False((await stats.ListDailyParticipationAsync(1, 8, None))[1].Answered);
        Assert.Equal([7UL, 8UL, 9UL], board.Select(r => r.UserId));
        Assert.Equal([1, 1, 0], board.Select(r => r.Answers));
        Assert.Equal(1, board[2].ReviewsGiven);
        Assert.Equal(4.0, board[1].AverageReviewScore);
        Assert.Equal(new GuildActivity { Prompts = 3, Answers = 4, Reviews = 1, ActiveMembers = 3 }, activity);
    }

    [Fact]
    public async Task MemberData_ExportThenDelete_RemovesOnlyThatMembersDataInThatGuild()
    {
        using var db = await StorageFixture.CreateAsync();
        var s = new Stores(db);
        var repetition = new SqliteSpacedRepetitionStore(db.Factory, db.Writer);
        var memberData = new SqliteMemberDataStore(db.Factory, db.Writer, repetition);
        var asked = await s.Prompts.TryCreateAsync(
            new Prompt { GuildId = 1, ChannelId = 10, MessageId = 42_000, QuestionId = "q", Source = PromptSource.Ask, AskedBy = 7, PostedAt = StorageFixture.Start }, None);
        var mine = await s.AnswerAsync(asked!.PromptId, 7, 100, StorageFixture.Start, "my *own* words");
        var theirs = await s.AnswerAsync(asked.PromptId, 8, 101, StorageFixture.Start);
        var reviewOfMine = (await s.Reviews.UpsertAsync(mine, 1, 8, new Rubric(3, 3, 3), null, StorageFixture.Start, None)).Review;
        var myReview = (await s.Reviews.UpsertAsync(theirs, 1, 7, new Rubric(4, 4, 4), "nice", StorageFixture.Start, None)).Review;
        await s.Reviews.AddHelpfulVoteAsync(reviewOfMine.ReviewId, 7, StorageFixture.Start, None);
        await s.Reviews.AddHelpfulVoteAsync(myReview.ReviewId, 8, StorageFixture.Start, None);
        await new SqliteInterviewSessionStore(db.Factory, db.Writer).TryStartAsync(1, 7, 70, ["q"], StorageFixture.Start, None);
        await repetition.SaveAsync(1, 7, "q", RepetitionState.New(StorageFixture.Start), None);
        await repetition.SaveAsync(2, 7, "q", RepetitionState.New(StorageFixture.Start), None);
        await new SqliteSuggestionStore(db.Factory, db.Writer).AddAsync(1, 7, "idea", StorageFixture.Start, None);

        var export = await memberData.ExportAsync(1, 7, None);

        Assert.Equal("my *own* words", Assert.Single(export.Answers).Content);
        Assert.Equal(myReview.ReviewId, Assert.Single(export.ReviewsGiven).ReviewId);
        Assert.Equal(reviewOfMine.ReviewId, Assert.Single(export.ReviewsReceived).ReviewId);
        Assert.Equal(reviewOfMine.ReviewId, Assert.Single(export.HelpfulVotesGiven).ReviewId);
        Assert.Single(export.InterviewSessions);
        Assert.Single(export.RepetitionStates);
        Assert.Single(export.Suggestions);
        Assert.Single(export.PromptsAsked);

        var deleted = await memberData.DeleteAsync(1, 7, None);

        Assert.Equal(new MemberDataDeletion(1, 1, 1, 1, 1, 1, 1), deleted);
        var after = await memberData.ExportAsync(1, 7, None);
        Assert.Empty(after.Answers);
        Assert.Empty(after.ReviewsGiven);
        Assert.Empty(after.HelpfulVotesGiven);
        Assert.Empty(after.InterviewSessions);
        Assert.Empty(after.RepetitionStates);
        Assert.Empty(after.Suggestions);
        Assert.Empty(after.PromptsAsked);
        Assert.NotNull(await s.Answers.GetAsync(theirs, None));
        Assert.NotNull(await s.Prompts.GetAsync(asked.PromptId, None));
        Assert.Single(await repetition.ListForMemberAsync(2, 7, None));
        using var connection = db.Factory.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM answer_parts WHERE content = 'my *own* words'"));
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task Retention_PrunesOnlyOldAnswersAndReviewsOfGuildsThatSetIt()
    {
        using var db = await StorageFixture.CreateAsync();
        var s = new Stores(db);
        var now = StorageFixture.Start.AddDays(100);
        await s.Settings.UpdateAsync(1, x => x with { RetentionDays = 30 }, None);
        var p1 = await db.AddPromptAsync(guildId: 1);
        var p2 = await db.AddPromptAsync(guildId: 2);
        var old = await s.AnswerAsync(p1, 7, 100, now.AddDays(-31));
        var recent = await s.AnswerAsync(p1, 8, 101, now.AddDays(-29));
        var otherGuild = await s.Answers.UpsertPartAsync(
            new AnswerPartWrite { PromptId = p2, GuildId = 2, UserId = 7, MessageId = 102, Content = "kept forever", WrittenAt = now.AddDays(-99) }, None);
        await s.Reviews.UpsertAsync(old, 1, 9, new Rubric(3, 3, 3), null, now.AddDays(-1), None);
        await s.Reviews.UpsertAsync(recent, 1, 9, new Rubric(3, 3, 3), null, now.AddDays(-40), None);
        await s.Reviews.UpsertAsync(recent, 1, 10, new Rubric(3, 3, 3), null, now.AddDays(-2), None);
        await s.Reviews.UpsertAsync(otherGuild, 2, 9, new Rubric(3, 3, 3), null, now.AddDays(-90), None);

        var result = await new SqliteRetentionStore(db.Writer).PruneAsync(now, None);

        Assert.Equal(new RetentionResult(1, 1, 2), result);
        Assert.Null(await s.Answers.GetAsync(old, None));
        Assert.NotNull(await s.Answers.GetAsync(recent, None));
        Assert.NotNull(await s.Answers.GetAsync(otherGuild, None));
        Assert.Equal([10UL], (await s.Reviews.ListForAnswerAsync(recent, None)).Select(r => r.ReviewerId));
        Assert.Single(await s.Reviews.ListForAnswerAsync(otherGuild, None));
        Assert.Equal(new RetentionResult(1, 0, 0), await new SqliteRetentionStore(db.Writer).PruneAsync(now, None));
    }
}
