using InterviewBot.Core.Reviews;

namespace InterviewBot.Core.Tests.Reviews;

public sealed class ReviewQueueTests
{
    private const ulong Caller = 100;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ReviewCandidate Answer(long id, ulong author, int daysAgo, params (ulong Reviewer, int DaysAgo)[] reviews) => new(
        id,
        author,
        PromptId: 7,
        Now.AddDays(-daysAgo),
        [.. reviews.Select(r => Now.AddDays(-r.DaysAgo))],
        [.. reviews.Select(r => r.Reviewer)]);

    [Fact]
    public void Next_NoCandidates_ReturnsNull() => Assert.Null(ReviewQueue.Next([], Caller, Now));

    [Fact]
    public void Next_OnlyOwnAnswers_ReturnsNull()
    {
        Assert.Null(ReviewQueue.Next([Answer(1, Caller, 1), Answer(2, Caller, 2)], Caller, Now));
    }

    [Fact]
    public void Order_ExcludesOwn_AlreadyReviewed_AndDeleted()
    {
        ReviewCandidate[] candidates =
        [
            Answer(1, Caller, 3),
            Answer(2, 200, 3, (Caller, 1)),
            Answer(3, 300, 3) with { Deleted = true },
            Answer(4, 400, 3),
        ];

        var order = ReviewQueue.Order(candidates, Caller, Now);

        Assert.Equal([4L], order.Select(c => c.AnswerId));
    }

    [Fact]
    public void Order_AlreadyReviewedLongAgo_IsStillExcluded()
    {
        var order = ReviewQueue.Order([Answer(1, 200, 60, (Caller, 50))], Caller, Now);

        Assert.Empty(order);
    }

    [Fact]
    public void Next_PrefersFewestRecentReviews_OverAge()
    {
        ReviewCandidate[] candidates =
        [
            Answer(1, 200, 10, (300, 2), (400, 3)),
            Answer(2, 300, 9, (500, 1)),
            Answer(3, 400, 1),
        ];

        Assert.Equal([3L, 2L, 1L], ReviewQueue.Order(candidates, Caller, Now).Select(c => c.AnswerId));
    }

    [Fact]
    public void Next_ReviewsOlderThanFourteenDays_DoNotCount()
    {
        ReviewCandidate[] candidates =
        [
            Answer(1, 200, 30, (300, 20), (400, 15), (500, 14)),
            Answer(2, 300, 2),
        ];

        // Answer 1's three reviews are all outside the window (exactly 14 days ago included), so both answers have
        // no recent review and the older one wins; counting every review ever would have put answer 2 first.
        Assert.Equal(0, ReviewQueue.RecentReviews(candidates[0], Now));
        Assert.Equal(1L, ReviewQueue.Next(candidates, Caller, Now)!.AnswerId);
    }

    [Fact]
    public void RecentReviews_BoundaryJustInsideWindow_Counts()
    {
        var candidate = Answer(1, 200, 30) with { ReviewedAt = [Now - ReviewQueue.RecentWindow + TimeSpan.FromSeconds(1), Now - ReviewQueue.RecentWindow] };

        Assert.Equal(1, ReviewQueue.RecentReviews(candidate, Now));
    }

    [Fact]
    public void Next_SameRecentReviews_OldestAnswerFirst()
    {
        ReviewCandidate[] candidates = [Answer(1, 200, 1), Answer(2, 300, 5), Answer(3, 400, 3)];

        Assert.Equal([2L, 3L, 1L], ReviewQueue.Order(candidates, Caller, Now).Select(c => c.AnswerId));
    }

    [Fact]
    public void Next_FullTie_LowestAnswerIdFirst_WhateverTheInputOrder()
    {
        ReviewCandidate[] candidates = [Answer(9, 200, 2), Answer(4, 300, 2), Answer(6, 400, 2)];

        Assert.Equal([4L, 6L, 9L], ReviewQueue.Order(candidates, Caller, Now).Select(c => c.AnswerId));
        Assert.Equal([4L, 6L, 9L], ReviewQueue.Order(candidates.Reverse(), Caller, Now).Select(c => c.AnswerId));
    }

    [Fact]
    public void Next_AsOtherCandidatesGetReviewed_MovesOn()
    {
        var a = Answer(1, 200, 5);
        var b = Answer(2, 300, 4);

        Assert.Equal(1L, ReviewQueue.Next([a, b], Caller, Now)!.AnswerId);

        var reviewedA = a with { ReviewedAt = [Now.AddHours(-1)], ReviewerIds = [999UL] };
        Assert.Equal(2L, ReviewQueue.Next([reviewedA, b], Caller, Now)!.AnswerId);
    }
}
