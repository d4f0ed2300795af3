using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Scoring;

public sealed class CoverageFormatterTests
{
    private static readonly CoverageResult Result = new(
    [
        new KeyPointCoverage(new KeyPoint("TTL", ["ttl"]), true, "ttl"),
        new KeyPointCoverage(new KeyPoint("eviction", ["lru"]), true, "lru"),
        new KeyPointCoverage(new KeyPoint("stampede", ["stampede"]), false, null),
    ]);

    [Fact]
    public void Line_ShowsCountAndEveryPoint() =>
        Assert.Equal("alice 2/3 ✅ TTL ✅ eviction ❌ stampede", CoverageFormatter.Line("alice", Result));

    [Fact]
    public void Line_TooLong_IsCutAtAWholePoint()
    {
        var line = CoverageFormatter.Line("alice", Result, maxLength: 28);

        Assert.Equal("alice 2/3 ✅ TTL ✅ eviction …", line);
        Assert.True(line.Length <= 28);
    }
}
