using InterviewBot.Core.Repetition;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Storage;
using InterviewBot.Tests.Storage;

namespace InterviewBot.Tests.PracticeDiscord;

/// <summary>The review log behind the recall buttons, on a real SQLite file.</summary>
public sealed class RecallRecorderTests
{
    [Fact]
    public async Task Regrade_ReplacesTheAutomaticGrade_FromTheStateBeforeTheReview()
    {
        using var storage = await StorageFixture.CreateAsync();
        var (recorder, states) = Create(storage);
        var first = StorageFixture.Start;
        var second = first.AddDays(1);
        await recorder.RecordAsync(1, 10, "q", RecallGrade.Good, first, CancellationToken.None);
        var before = await states.GetAsync(1, 10, "q", CancellationToken.None);
        var (reviewId, automatic) = await recorder.RecordAsync(1, 10, "q", RecallGrade.Easy, second, CancellationToken.None);
        Assert.Equal(6, automatic.IntervalDays);

        var result = await recorder.RegradeAsync(reviewId, 1, 10, RecallGrade.Again, CancellationToken.None);

        Assert.Equal(RegradeStatus.Regraded, result.Status);
        var expected = Sm2Scheduler.Review(before!, RecallGrade.Again, second);
        Assert.Equal(expected, result.State);
        Assert.Equal(expected, await states.GetAsync(1, 10, "q", CancellationToken.None));

        // Pressing another button replaces it again rather than stacking.
        var again = await recorder.RegradeAsync(reviewId, 1, 10, RecallGrade.Good, CancellationToken.None);
        Assert.Equal(Sm2Scheduler.Review(before!, RecallGrade.Good, second), again.State);
    }

    [Fact]
    public async Task Regrade_SomeoneElsesOrAnOlderReview_ChangesNothing()
    {
        using var storage = await StorageFixture.CreateAsync();
        var (recorder, states) = Create(storage);
        var (older, _) = await recorder.RecordAsync(1, 10, "q", RecallGrade.Good, StorageFixture.Start, CancellationToken.None);
        await recorder.RecordAsync(1, 10, "q", RecallGrade.Good, StorageFixture.Start.AddDays(1), CancellationToken.None);
        var current = await states.GetAsync(1, 10, "q", CancellationToken.None);

        Assert.Equal(RegradeStatus.NotYours, (await recorder.RegradeAsync(older, 1, 11, RecallGrade.Again, CancellationToken.None)).Status);
        Assert.Equal(RegradeStatus.NotYours, (await recorder.RegradeAsync(older, 2, 10, RecallGrade.Again, CancellationToken.None)).Status);
        Assert.Equal(RegradeStatus.Superseded, (await recorder.RegradeAsync(older, 1, 10, RecallGrade.Again, CancellationToken.None)).Status);
        Assert.Equal(current, await states.GetAsync(1, 10, "q", CancellationToken.None));
    }

    [Fact]
    public async Task Regrade_OfANewQuestionsFirstReview_StartsFromANewState()
    {
        using var storage = await StorageFixture.CreateAsync();
        var (recorder, _) = Create(storage);
        var (reviewId, _) = await recorder.RecordAsync(1, 10, "q", RecallGrade.Again, StorageFixture.Start, CancellationToken.None);

        var result = await recorder.RegradeAsync(reviewId, 1, 10, RecallGrade.Easy, CancellationToken.None);

        Assert.Equal(Sm2Scheduler.Review(RepetitionState.New(StorageFixture.Start), RecallGrade.Easy, StorageFixture.Start), result.State);
    }

    private static (RecallRecorder Recorder, ISpacedRepetitionStore States) Create(StorageFixture storage)
    {
        var states = new SqliteSpacedRepetitionStore(storage.Factory, storage.Writer);
        return (new RecallRecorder(states, new SqliteRepetitionReviewStore(storage.Factory, storage.Writer)), states);
    }
}
