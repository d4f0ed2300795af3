using InterviewBot.Core.Reviews;

namespace InterviewBot.Core.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private const ulong Reviewer = 1;
    private const ulong Author = 2;

    [Fact]
    public void CheckReview_ValidReview_ReturnsRubricAndTrimmedComment()
    {
        var result = ReviewRules.CheckReview(Reviewer, Author, 5, 3, 1, "  Clear, but misses eviction.  ");

        Assert.True(result.IsValid);
        Assert.Equal(new Rubric(5, 3, 1), result.Rubric);
        Assert.Equal("Clear, but misses eviction.", result.Comment);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void CheckReview_NoComment_IsFine(string? comment)
    {
        var result = ReviewRules.CheckReview(Reviewer, Author, 4, 4, 4, comment);

        Assert.True(result.IsValid);
        Assert.Null(result.Comment);
    }

    [Fact]
    public void CheckReview_OwnAnswer_IsRefused()
    {
        var result = ReviewRules.CheckReview(Author, Author, 5, 5, 5, "great, if I say so myself");

        Assert.False(result.IsValid);
        Assert.Null(result.Rubric);
        Assert.Equal("You can't review your own answer. Try `/review next` for someone else's.", Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData(0, 3, 3, "Correctness must be a whole number from 1 to 5, not 0.")]
    [InlineData(3, 6, 3, "Depth must be a whole number from 1 to 5, not 6.")]
    [InlineData(3, 3, -1, "Clarity must be a whole number from 1 to 5, not -1.")]
    public void CheckReview_MarkOutOfRange_SaysWhichAndWhatIsAccepted(int correctness, int depth, int clarity, string expected)
    {
        var result = ReviewRules.CheckReview(Reviewer, Author, correctness, depth, clarity, null);

        Assert.False(result.IsValid);
        Assert.Null(result.Rubric);
        Assert.Equal(expected, Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void CheckReview_MarksAtTheBounds_AreValid(int mark) =>
        Assert.True(ReviewRules.CheckReview(Reviewer, Author, mark, mark, mark, null).IsValid);

    [Fact]
    public void CheckReview_CommentAtTheLimit_IsValid_OneMoreIsNot()
    {
        Assert.True(ReviewRules.CheckReview(Reviewer, Author, 3, 3, 3, new string('c', 1000)).IsValid);

        var result = ReviewRules.CheckReview(Reviewer, Author, 3, 3, 3, new string('c', 1001));

        Assert.False(result.IsValid);
        Assert.Equal("Your comment is 1001 characters; keep it to 1000.", Assert.Single(result.Problems));
    }

    [Fact]
    public void CheckReview_BadMarkAndLongComment_ReportsBoth()
    {
        var result = ReviewRules.CheckReview(Reviewer, Author, 9, 3, 3, new string('c', 2000));

        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void CheckHelpfulVote_SomeoneElsesReview_FirstVote_IsAllowed()
    {
        var check = ReviewRules.CheckHelpfulVote(voterId: 3, reviewAuthorId: Reviewer, alreadyVoted: false);

        Assert.True(check.Allowed);
        Assert.Null(check.Reason);
    }

    [Fact]
    public void CheckHelpfulVote_OwnReview_IsRefused()
    {
        var check = ReviewRules.CheckHelpfulVote(Reviewer, Reviewer, alreadyVoted: false);

        Assert.False(check.Allowed);
        Assert.Equal("You can't mark your own review as helpful.", check.Reason);
    }

    [Fact]
    public void CheckHelpfulVote_SecondVote_IsRefused()
    {
        var check = ReviewRules.CheckHelpfulVote(3, Reviewer, alreadyVoted: true);

        Assert.False(check.Allowed);
        Assert.Equal("You already marked this review as helpful.", check.Reason);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 1, 2)]
    [InlineData(7, 3, 13)]
    public void ReviewerPoints_OnePerReview_TwoPerHelpfulVote(int reviews, int votes, int expected) =>
        Assert.Equal(expected, ReviewRules.ReviewerPoints(reviews, votes));

    [Fact]
    public void ReviewerPoints_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewRules.ReviewerPoints(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewRules.ReviewerPoints(0, -1));
    }

    [Fact]
    public void ScoringDoc_DocumentsReviewerPoints()
    {
        var doc = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "scoring.md"));

        Assert.Contains("## Reviewer points", doc, StringComparison.Ordinal);
        Assert.Contains("1 × reviews given + 2 × helpful votes received", doc, StringComparison.Ordinal);
    }
}
