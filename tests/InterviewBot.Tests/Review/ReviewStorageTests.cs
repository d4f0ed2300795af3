using InterviewBot.Storage;
using InterviewBot.Tests.Storage;

namespace InterviewBot.Tests.Review;

/// <summary>Migration 0003's tables through their stores, on a real SQLite file.</summary>
public sealed class ReviewStorageTests
{
    [Fact]
    public async Task MemberSettings_Default_ThenUpdated_KeepsOtherColumns()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteMemberSettingsStore(db.Factory, db.Writer, db.Time);

        var fresh = await store.GetAsync(1, 2, CancellationToken.None);
        await store.UpdateAsync(1, 2, s => s with { RemindersEnabled = true, ReminderHour = 8, TimeZone = "Europe/Berlin" }, CancellationToken.None);
        await store.UpdateAsync(1, 2, s => s with { Notifications = false }, CancellationToken.None);
        var saved = await store.GetAsync(1, 2, CancellationToken.None);

        Assert.True(fresh.Notifications);
        Assert.Equal((false, true, (int?)8, "Europe/Berlin"), (saved.Notifications, saved.RemindersEnabled, saved.ReminderHour, saved.TimeZone));
        Assert.True((await store.GetAsync(1, 3, CancellationToken.None)).Notifications);
        Assert.Equal([2UL], (await store.ListWithRemindersAsync(CancellationToken.None)).Select(s => s.UserId));
    }

    [Fact]
    public async Task StreakRestores_AddedTwice_CountOnce()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteStreakRestoreStore(db.Factory, db.Writer);
        DateOnly[] days = [new(2026, 3, 2), new(2026, 3, 3)];

        var first = await store.AddAsync(1, 2, days, 99, db.Time.GetUtcNow(), CancellationToken.None);
        var second = await store.AddAsync(1, 2, [days[1], new(2026, 3, 4)], 99, db.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal([.. days, new(2026, 3, 4)], await store.ListAsync(1, 2, CancellationToken.None));
        Assert.Empty(await store.ListAsync(1, 3, CancellationToken.None));
    }

    [Fact]
    public async Task ReviewActivity_DeletedAnswerIsFlagged_AndItsReviewMarked()
    {
        using var db = await StorageFixture.CreateAsync();
        var promptId = await db.AddPromptAsync();
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var reviews = new SqliteReviewStore(db.Factory, db.Writer);
        var activity = new SqliteReviewActivityStore(db.Factory, db.Writer);
        var answerId = await answers.UpsertPartAsync(new AnswerPartWrite { PromptId = promptId, GuildId = 1, UserId = 5, MessageId = 777, Content = "TTL and eviction", WrittenAt = db.Time.GetUtcNow() }, CancellationToken.None);
        await answers.SetCoverageAsync(answerId, ["TTL", "eviction"], 4, CancellationToken.None);
        var review = await reviews.UpsertAsync(answerId, 1, 6, new(4, 4, 4), null, db.Time.GetUtcNow(), CancellationToken.None);
        await activity.SetReviewMessageAsync(review.Review.ReviewId, 10, 888, CancellationToken.None);

        var live = Assert.Single(await activity.ListAnswersAsync(1, null, null, CancellationToken.None));
        await answers.SoftDeletePartAsync(777, db.Time.GetUtcNow(), CancellationToken.None);
        var deleted = await activity.GetAnswerAsync(answerId, CancellationToken.None);
        var reviewed = Assert.Single(await activity.ListReviewsAsync(1, null, null, CancellationToken.None));

        Assert.Equal((false, 777UL, 2, 4, 50.0), (live.Deleted, live.FirstMessageId, live.CoveredCount, live.KeyPointCount, live.CoveragePercent));
        Assert.True(deleted!.Deleted);
        Assert.Null(deleted.FirstMessageId);
        Assert.True(reviewed.AnswerDeleted);
        Assert.Equal(((ulong)10, (ulong)888), await activity.FindReviewMessageAsync(review.Review.ReviewId, CancellationToken.None));
        Assert.Equal(review.Review.ReviewId, await activity.FindReviewByMessageAsync(888, CancellationToken.None));
    }
}
