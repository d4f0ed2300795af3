using InterviewBot.Storage;
using InterviewBot.Tests.Storage;

namespace InterviewBot.Tests.Interview;

/// <summary>Migration 0004's interview tables through their store, on a real SQLite file.</summary>
public sealed class InterviewProgressStoreTests
{
    [Fact]
    public async Task Progress_OptionsQuestionsAndResults_RoundTrip_AndAResultIsRecordedOnce()
    {
        using var storage = await StorageFixture.CreateAsync();
        var sessions = new SqliteInterviewSessionStore(storage.Factory, storage.Writer);
        var progress = new SqliteInterviewProgressStore(storage.Factory, storage.Writer);
        var now = StorageFixture.Start;
        var session = (await sessions.TryStartAsync(1, 2, 3, ["q1", "q2", "q3"], now, CancellationToken.None))!;
        await progress.SaveOptionsAsync(new InterviewOptions { SessionId = session.SessionId, Track = "databases", MinutesPerQuestion = 7, FeedbackAtEnd = true }, CancellationToken.None);

        var asked = new InterviewQuestion { SessionId = session.SessionId, QuestionIndex = 0, QuestionId = "q1", MessageId = 99, AskedAt = now, DeadlineAt = now.AddMinutes(7) };
        await progress.RecordAskedAsync(asked, CancellationToken.None);
        var retried = await progress.RecordAskedAsync(asked with { MessageId = 100, AskedAt = now.AddSeconds(5) }, CancellationToken.None);
        Assert.Equal(99UL, retried.MessageId);

        var result = new InterviewResult(InterviewQuestionOutcome.Expired, now.AddMinutes(7), "an answer", ["TTL", "eviction"], 2, 5, 12);
        Assert.True(await progress.RecordResultAsync(session.SessionId, 0, result, CancellationToken.None));
        Assert.False(await progress.RecordResultAsync(session.SessionId, 0, result with { Outcome = InterviewQuestionOutcome.Answered }, CancellationToken.None));

        var options = await progress.GetOptionsAsync(session.SessionId, CancellationToken.None);
        Assert.Equal("databases", options!.Track);
        Assert.Equal(7, options.MinutesPerQuestion);
        Assert.True(options.FeedbackAtEnd);
        var stored = Assert.Single(await progress.ListQuestionsAsync(session.SessionId, CancellationToken.None));
        Assert.Equal(InterviewQuestionOutcome.Expired, stored.Outcome);
        Assert.Equal(["TTL", "eviction"], stored.CoveredKeyPoints);
        Assert.Equal(2, stored.CoveredCount);
        Assert.Equal(12, stored.ReviewId);
        Assert.Equal(TimeSpan.FromMinutes(7), stored.EndedAt - stored.AskedAt);

        Assert.Single(await progress.ListActiveAsync(CancellationToken.None));
        await sessions.EndAsync(session.SessionId, InterviewSessionStatus.Finished, now.AddMinutes(8), CancellationToken.None);
        Assert.Empty(await progress.ListActiveAsync(CancellationToken.None));
        Assert.Single(await progress.ListSessionsAsync(1, 2, 10, CancellationToken.None));
        Assert.Empty(await progress.ListSessionsAsync(1, 3, 10, CancellationToken.None));
    }

    [Fact]
    public async Task MemberDataDeletion_RemovesInterviewDetailsAndTheReviewLog()
    {
        using var storage = await StorageFixture.CreateAsync();
        var sessions = new SqliteInterviewSessionStore(storage.Factory, storage.Writer);
        var progress = new SqliteInterviewProgressStore(storage.Factory, storage.Writer);
        var states = new SqliteSpacedRepetitionStore(storage.Factory, storage.Writer);
        var reviews = new SqliteRepetitionReviewStore(storage.Factory, storage.Writer);
        var now = StorageFixture.Start;
        var session = (await sessions.TryStartAsync(1, 2, 3, ["q1", "q2", "q3"], now, CancellationToken.None))!;
        await progress.SaveOptionsAsync(new InterviewOptions { SessionId = session.SessionId, Track = "apis", MinutesPerQuestion = 5 }, CancellationToken.None);
        await progress.RecordAskedAsync(new InterviewQuestion { SessionId = session.SessionId, QuestionIndex = 0, QuestionId = "q1", MessageId = 99, AskedAt = now, DeadlineAt = now.AddMinutes(5) }, CancellationToken.None);
        var reviewId = await reviews.AddAsync(1, 2, "q1", null, Core.Repetition.RecallGrade.Good, now, CancellationToken.None);
        var otherMember = await reviews.AddAsync(1, 5, "q1", null, Core.Repetition.RecallGrade.Good, now, CancellationToken.None);

        await new SqliteMemberDataStore(storage.Factory, storage.Writer, states).DeleteAsync(1, 2, CancellationToken.None);

        Assert.Empty(await progress.ListQuestionsAsync(session.SessionId, CancellationToken.None));
        Assert.Null(await progress.GetOptionsAsync(session.SessionId, CancellationToken.None));
        Assert.Null(await reviews.GetAsync(reviewId, CancellationToken.None));
        Assert.NotNull(await reviews.GetAsync(otherMember, CancellationToken.None));
    }
}
