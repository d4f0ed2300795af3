using BenchmarkDotNet.Attributes;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Bench;

/// <summary>
/// Coverage scoring of 4,000-character answers. The floor is 10,000 answers per second on one core. The baseline is
/// the cheapest possible pass over the same text (lower-casing every character into a buffer), so the ratio says how
/// close the scorer comes to a plain memory scan.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly KeyPointScorer _scorer = new();
    private string[] _answers = [];
    private char[] _scratch = [];
    private Question _question = null!;

    [GlobalSetup]
    public void Setup()
    {
        _answers = [.. Enumerable.Range(0, 64).Select(i => GeneratedBank.Answer(i, 4000))];
        _scratch = new char[4096];
        _question = new Question
        {
            Id = "bench",
            Category = "caching",
            Difficulty = Difficulty.Medium,
            Prompt = "p",
            Answer = "a",
            KeyPoints =
            [
                new KeyPoint("TTL", ["ttl", "time to live", "expiry"]),
                new KeyPoint("Eviction", ["eviction", "least recently used", "lru"]),
                new KeyPoint("Stampede", ["stampede", "thundering herd", "request coalescing"]),
                new KeyPoint("Consistency", ["consistency", "stale read"]),
                new KeyPoint("Write path", ["write through", "write behind", "write back"]),
            ],
        };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int LowerCaseScan()
    {
        var sum = 0;
        foreach (var answer in _answers)
        {
            sum += answer.AsSpan().ToLowerInvariant(_scratch);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 64)]
    public int Score()
    {
        var covered = 0;
        foreach (var answer in _answers)
        {
            covered += _scorer.Score(_question, answer).Covered;
        }

        return covered;
    }
}
