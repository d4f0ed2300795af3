using InterviewBot.Core.Stats;

namespace InterviewBot.Core.Tests.Stats;

public sealed class CategoryStrengthsTests
{
    [Fact]
    public void Rank_MeansPerCategory_StrongestFirst_TiesByAnswersThenName()
    {
        var ranked = CategoryStrengths.Rank(
        [
            ("databases", 40), ("databases", 60),
            ("caching", 90),
            ("queues", 50), ("queues", 50),
            ("apis", 50),
        ]);

        Assert.Equal([new("caching", 90, 1), new("databases", 50, 2), new("queues", 50, 2), new("apis", 50, 1)], ranked);
    }
}
