using InterviewBot.Core.Reviews;

namespace InterviewBot.Core.Tests.Reviews;

public sealed class AnswerScoreTests
{
    [Fact]
    public void Compute_NoReviews_IsCoverage() => Assert.Equal(60, AnswerScore.Compute(60, []));

    [Fact]
    public void Compute_OneTopReview_MovesOneSixthTowardsPeers()
    {
        // weight = 0.5 × 1/3; peer = 100.
        Assert.Equal(66.7, AnswerScore.Compute(60, [new Rubric(5, 5, 5)]));
    }

    [Fact]
    public void Compute_ThreeOrMoreReviews_HalfPeerHalfCoverage()
    {
        Rubric[] reviews = [new(3, 3, 3), new(3, 3, 3), new(3, 3, 3), new(3, 3, 3)];

        Assert.Equal(75, AnswerScore.Compute(100, reviews)); // peer mean 3 → 50
    }

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(3, 6, 3)]
    [InlineData(3, 3, -1)]
    public void TryCreate_OutOfRange_ExplainsWhatIsAccepted(int c, int d, int cl)
    {
        Assert.False(Rubric.TryCreate(c, d, cl, out _, out var error));
        Assert.Contains("from 1 to 5", error, StringComparison.Ordinal);
    }
}
