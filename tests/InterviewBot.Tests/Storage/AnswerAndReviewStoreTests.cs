using Dapper;
using InterviewBot.Core.Reviews;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

public sealed class AnswerAndReviewStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static AnswerPartWrite Part(long promptId, ulong userId, ulong messageId, string content, bool late = false) => new()
    {
        PromptId = promptId,
        GuildId = 1,
        UserId = userId,
        MessageId = messageId,
        Content = content,
        WrittenAt = StorageFixture.Start.AddSeconds((double)(messageId % 1000)),
        IsLate = late,
    };

    [Fact]
    public async Task Answer_PartsFromSeveralMessages_AssembleInMessageIdOrderVerbatim()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();
        const string first = "  Use a **cache-aside** pattern 🙂\n\twith TTL ";

        var id1 = await store.UpsertPartAsync(Part(promptId, 7, 200, "then invalidate on write"), None);
        var id2 = await store.UpsertPartAsync(Part(promptId, 7, 100, first), None);

        Assert.Equal(id1, id2);
        var answer = await store.FindAsync(promptId, 7, None);
        Assert.NotNull(answer);
        Assert.Equal(first + "\nthen invalidate on write", answer.Content);
        Assert.Equal([100UL, 200UL], answer.Parts.Select(p => p.MessageId));
        Assert.Equal(answer, await store.GetAsync(id1, None) is { } byId ? byId with { Parts = answer.Parts } : null);
    }

    [Fact]
    public async Task Answer_EditAndDelete_UpdateThePartAndKeepTheRow()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();
        var answerId = await store.UpsertPartAsync(Part(promptId, 7, 100, "first"), None);
        await store.UpsertPartAsync(Part(promptId, 7, 101, "second"), None);

        await store.UpsertPartAsync(Part(promptId, 7, 100, "first") with { WrittenAt = StorageFixture.Start.AddHours(1) }, None);
        Assert.Null((await store.GetAsync(answerId, None))!.Parts[0].EditedAt);
        await store.UpsertPartAsync(Part(promptId, 7, 100, "first, edited") with { WrittenAt = StorageFixture.Start.AddHours(1) }, None);
        Assert.Equal(answerId, await store.SoftDeletePartAsync(101, StorageFixture.Start.AddHours(2), None));
        Assert.Null(await store.SoftDeletePartAsync(999, StorageFixture.Start, None));

        var answer = await store.GetAsync(answerId, None);
        Assert.Equal("first, edited", answer?.Content);
        Assert.Equal(StorageFixture.Start.AddHours(1), answer?.Parts[0].EditedAt);
        Assert.Equal(StorageFixture.Start.AddHours(2), answer?.Parts[1].DeletedAt);
        Assert.Equal("second", answer?.Parts[1].Content);
    }

    [Fact]
    public async Task Answer_ListForPrompt_SkipsAnswersWhoseEveryPartIsDeleted()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();
        await store.UpsertPartAsync(Part(promptId, 7, 100, "kept"), None);
        await store.UpsertPartAsync(Part(promptId, 8, 101, "gone") with { IsPrivate = true }, None);
        await store.UpsertPartAsync(Part(promptId, 9, 102, "late", late: true), None);
        await store.SoftDeletePartAsync(101, StorageFixture.Start, None);

        var answers = await store.ListForPromptAsync(promptId, None);

        Assert.Equal([7UL, 9UL], answers.Select(a => a.UserId));
        Assert.True(answers[1].IsLate);
        Assert.True((await store.FindAsync(promptId, 8, None))?.IsPrivate);
    }

    [Fact]
    public async Task Answer_Coverage_RoundTrips()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();
        var answerId = await store.UpsertPartAsync(Part(promptId, 7, 100, "ttl and eviction"), None);

        Assert.True(await store.SetCoverageAsync(answerId, ["ttl", "eviction"], 5, None));

        var answer = await store.GetAsync(answerId, None);
        Assert.Equal(["ttl", "eviction"], answer?.CoveredKeyPoints);
        Assert.Equal(5, answer?.KeyPointCount);
    }

    [Fact]
    public async Task Answer_ConcurrentFirstPartsBySameMember_MakeOneAnswer()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var promptId = await db.AddPromptAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.UpsertPartAsync(Part(promptId, 7, (ulong)(1000 + i), $"part {i}"), None))));

        Assert.Single(ids.Distinct());
        Assert.Equal(50, (await store.GetAsync(ids[0], None))!.Parts.Count);
    }

    [Fact]
    public async Task Answer_ThousandConcurrentWritesFromEightTasks_AllLandWithoutLockErrors()
    {
        using var db = await StorageFixture.CreateAsync();
        var store = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var prompts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.AddPromptAsync()));
        var readerStop = new CancellationTokenSource();

        // Readers on their own connections run throughout; WAL lets them read while the writer commits.
        var reader = Task.Run(async () =>
        {
            var reads = 0;
            while (!readerStop.IsCancellationRequested)
            {
                await store.ListForPromptAsync(prompts[reads % 4], None);
                reads++;
            }

            return reads;
        });
        var writers = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 125; i++)
            {
                var n = (t * 125) + i;
                await store.UpsertPartAsync(Part(prompts[n % 4], (ulong)(10_000 + n), (ulong)(100_000 + n), $"answer {n}"), None);
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await readerStop.CancelAsync();
        Assert.True(await reader > 0);

        using var connection = db.Factory.Open();
        Assert.Equal(1000, connection.ExecuteScalar<int>("SELECT count(*) FROM answers"));
        Assert.Equal(1000, connection.ExecuteScalar<int>("SELECT count(*) FROM answer_parts"));
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Review_Upsert_OneReviewPerReviewerPerAnswerAndEditsReplace()
    {
        using var db = await StorageFixture.CreateAsync();
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var reviews = new SqliteReviewStore(db.Factory, db.Writer);
        var promptId = await db.AddPromptAsync();
        var answerId = await answers.UpsertPartAsync(Part(promptId, 7, 100, "answer"), None);

        var first = await reviews.UpsertAsync(answerId, 1, 8, new Rubric(4, 3, 5), "solid, *but* no stampede", StorageFixture.Start, None);
        var edit = await reviews.UpsertAsync(answerId, 1, 8, new Rubric(5, 4, 5), "edited", StorageFixture.Start.AddMinutes(5), None);
        var other = await reviews.UpsertAsync(answerId, 1, 9, new Rubric(2, 2, 2), null, StorageFixture.Start, None);

        Assert.True(first.Created);
        Assert.False(edit.Created);
        Assert.Equal(first.Review.ReviewId, edit.Review.ReviewId);
        Assert.Equal(new Rubric(5, 4, 5), edit.Review.Rubric);
        Assert.Equal("edited", edit.Review.Comment);
        Assert.Equal(StorageFixture.Start, edit.Review.CreatedAt);
        Assert.Equal(StorageFixture.Start.AddMinutes(5), edit.Review.UpdatedAt);
        Assert.Equal(edit.Review, await reviews.FindAsync(answerId, 8, None));
        Assert.Equal(edit.Review, await reviews.GetAsync(edit.Review.ReviewId, None));
        Assert.Equal([edit.Review, other.Review], await reviews.ListForAnswerAsync(answerId, None));
        Assert.Equal(2, (await reviews.ListForPromptAsync(promptId, None)).Count);
    }

    [Fact]
    public async Task Review_ConcurrentFirstReviewsBySameReviewer_LeaveOneRow()
    {
        using var db = await StorageFixture.CreateAsync();
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var reviews = new SqliteReviewStore(db.Factory, db.Writer);
        var promptId = await db.AddPromptAsync();
        var answerId = await answers.UpsertPartAsync(Part(promptId, 7, 100, "answer"), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            reviews.UpsertAsync(answerId, 1, 8, new Rubric(1 + (i % 5), 3, 3), $"take {i}", StorageFixture.Start, None))));

        Assert.Single(results, r => r.Created);
        Assert.Single(await reviews.ListForAnswerAsync(answerId, None));
    }

    [Fact]
    public async Task HelpfulVote_OnePerMember_CountedOnTheReview()
    {
        using var db = await StorageFixture.CreateAsync();
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var reviews = new SqliteReviewStore(db.Factory, db.Writer);
        var promptId = await db.AddPromptAsync();
        var answerId = await answers.UpsertPartAsync(Part(promptId, 7, 100, "answer"), None);
        var review = (await reviews.UpsertAsync(answerId, 1, 8, new Rubric(4, 4, 4), null, StorageFixture.Start, None)).Review;

        var votes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => reviews.AddHelpfulVoteAsync(review.ReviewId, 20, StorageFixture.Start, None))));
        Assert.True(await reviews.AddHelpfulVoteAsync(review.ReviewId, 21, StorageFixture.Start, None));

        Assert.Single(votes, v => v);
        Assert.Equal(2, (await reviews.GetAsync(review.ReviewId, None))?.HelpfulVotes);
        Assert.True(await reviews.RemoveHelpfulVoteAsync(review.ReviewId, 21, None));
        Assert.Equal(1, (await reviews.GetAsync(review.ReviewId, None))?.HelpfulVotes);
    }
}
