using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Scoring;

public sealed class KeyPointScorerTests
{
    private static readonly KeyPoint[] Points =
    [
        new("Time to live", ["ttl", "time to live", "expiry"]),
        new("Eviction", ["eviction", "lru", "least recently used"]),
        new("Stampede", ["stampede", "thundering herd"]),
        new("Read replicas", ["read replica"]),
    ];

    private readonly KeyPointScorer _scorer = new();

    [Fact]
    public void Score_PhrasesInOtherForms_AreCovered()
    {
        var result = _scorer.Score(Points, "Entries EXPIRE? No: each has an expiry, and we evict with an LRU policy.");

        Assert.Equal([true, true, false, false], result.Points.Select(p => p.Covered));
        Assert.Equal("expiry", result.Points[0].MatchedPhrase);
        Assert.Equal(50, result.Percent);
    }

    [Fact]
    public void Score_MultiWordPhrase_MustBeConsecutiveWholeWords()
    {
        Assert.True(_scorer.Score(Points, "Send reads to read replicas.").Points[3].Covered);
        Assert.False(_scorer.Score(Points, "Keep a replica for reads.").Points[3].Covered);
        Assert.True(_scorer.Score(Points, "Watch out for the thundering-herd problem").Points[2].Covered);
    }

    [Fact]
    public void Score_WordInsideAnotherWord_DoesNotMatch()
    {
        var points = new[] { new KeyPoint("Index", ["index"]), new KeyPoint("Cache", ["cache"]), new KeyPoint("Lock", ["lock"]) };

        var result = _scorer.Score(points, "Reindexing nightly; memcached is fine; deadlocks are rare.");

        Assert.Equal([false, false, false], result.Points.Select(p => p.Covered));
    }

    [Fact]
    public void Score_Plurals_MatchSingularPhrase()
    {
        var points = new[] { new KeyPoint("Index", ["index"]), new KeyPoint("Query", ["query"]), new KeyPoint("TTL", ["ttl"]) };

        var result = _scorer.Score(points, "More indexes speed up queries, TTLs do not.");

        Assert.Equal(100, result.Percent);
    }

    [Fact]
    public void Score_NothingCovered_IsZero_AndAllCovered_IsHundred()
    {
        Assert.Equal(0, _scorer.Score(Points, "I would rewrite it in Rust.").Percent);
        Assert.Equal(100, _scorer.Score(Points, "TTL, LRU eviction, a stampede, and a read replica.").Percent);
    }

    [Fact]
    public void Score_PercentRoundsDown()
    {
        var three = Points[..3];

        Assert.Equal(66, _scorer.Score(three, "TTL and LRU").Percent);
    }

    [Fact]
    public void Score_SameInputTwice_SameResult()
    {
        var question = new Question
        {
            Id = "cache-ttl",
            Category = "caching",
            Difficulty = Difficulty.Easy,
            Prompt = "p",
            Answer = "a",
            KeyPoints = Points,
        };

        Assert.Equal(
            _scorer.Score(question, "ttl and stampede").Points.Select(p => p.Covered),
            _scorer.Score(question, "ttl and stampede").Points.Select(p => p.Covered));
    }

    [Fact]
    public async Task Score_FromManyThreads_IsConsistent()
    {
        var answers = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "ttl with lru eviction" : "a stampede on the read replica").ToList();

        var results = await Task.WhenAll(answers.Select(a => Task.Run(() => _scorer.Score(Points, a).Covered)));

        Assert.All(results, covered => Assert.Equal(2, covered));
    }
}
