using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Community;

public sealed class KeyPointDeriverTests
{
    private const string StampedeAnswer = """
        A **cache stampede** happens when a popular key expires and hundreds of requests miss at the same moment.
        Every request then goes to the database to rebuild the same value, and the database falls over.
        The fix is **request coalescing**: one request rebuilds the value while the others wait for it.
        Adding **jitter** to the expiry spreads expirations out, and refreshing a hot key early (before it expires)
        avoids the miss entirely. A lock per key is the simplest way to coalesce requests.
        """;

    private readonly KeyPointScorer _scorer = new();

    [Fact]
    public void Derive_EveryBankAnswer_Gives3To5DerivedPointsWithFullSelfCoverage()
    {
        Assert.NotEmpty(TestQuestions.Bank);
        foreach (var question in TestQuestions.Bank)
        {
            var points = KeyPointDeriver.Derive(question.Answer);

            Assert.InRange(points.Count, KeyPointDeriver.MinPoints, KeyPointDeriver.MaxPoints);
            Assert.All(points, p => Assert.True(p.Derived, question.Id));
            Assert.All(points, p => Assert.InRange(p.Label.Length, 1, QuestionLimits.KeyPointLabelLength));
            var coverage = _scorer.Score(points, question.Answer);
            Assert.True(coverage.Percent == 100, $"{question.Id}: {string.Join(", ", coverage.Missed.Select(m => m.KeyPoint.Label))}");
        }
    }

    [Fact]
    public void Derive_EveryBankAnswer_PointsShareNoStem()
    {
        foreach (var question in TestQuestions.Bank)
        {
            var stems = KeyPointDeriver.Derive(question.Answer).SelectMany(p => TextNormalizer.Tokens(p.Phrases[0]).Distinct()).ToList();

            // Stop words may repeat inside bold spans ("time to live"), content words may not.
            var repeated = stems.GroupBy(s => s).Where(g => g.Count() > 1 && g.Key.Length > 3).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"{question.Id}: {string.Join(", ", repeated)}");
        }
    }

    [Fact]
    public void Derive_BankSamples_StrongAnswersCoverMoreThanPartial_AndOffTopicAlmostNothing()
    {
        // The calibration answers in questions/samples, scored against points derived from the reference answer alone
        // (at the time of writing: strong 68 %, partial 38 %, off-topic 3 % on average).
        var (samples, problems) = SampleAnswerChecker.Load(TestQuestions.BankDirectory);
        Assert.Empty(problems);
        var byId = TestQuestions.Bank.ToDictionary(q => q.Id);
        double Mean(SampleBand band) => samples
            .Where(s => s.Band == band && byId.ContainsKey(s.QuestionId))
            .Select(s => _scorer.Score(KeyPointDeriver.Derive(byId[s.QuestionId].Answer), s.Answer).Percent)
            .Average();

        var (strong, partial, off) = (Mean(SampleBand.Strong), Mean(SampleBand.Partial), Mean(SampleBand.Off));

        Assert.True(strong >= 55 && strong > partial + 15 && partial > off + 15 && off <= 10, $"strong {strong:F1}, partial {partial:F1}, off {off:F1}");
    }

    [Fact]
    public void Derive_MultiWordTerm_AlsoAcceptsItsMostSpecificWord()
    {
        var point = Assert.Single(KeyPointDeriver.Derive(StampedeAnswer), p => p.Label == "cache stampede");

        Assert.Equal(["cache stampede", "stampede"], point.Phrases);
        Assert.True(_scorer.Score([point], "Under load the stampede of requests melts the database.").Points[0].Covered);
    }

    [Fact]
    public void Derive_BoldTerms_ArePreferred()
    {
        var labels = KeyPointDeriver.Derive(StampedeAnswer).Select(p => p.Label).ToList();

        Assert.Contains("cache stampede", labels);
        Assert.Contains("request coalescing", labels);
        Assert.Contains("jitter", labels);
    }

    [Fact]
    public void Derive_ShortAnswer_GivesThreePoints_LongAnswerFive()
    {
        const string shortAnswer = "A **cache stampede** is many requests missing at once. **Request coalescing** lets one rebuild; **jitter** spreads expiry.";
        Assert.Equal(3, KeyPointDeriver.Derive(shortAnswer).Count);
        Assert.Equal(4, KeyPointDeriver.Derive(StampedeAnswer).Count);

        var longAnswer = string.Join("\n\n", Enumerable.Repeat(StampedeAnswer, 3)) + "\nReplication, sharding, partitioning and indexing also matter.";
        Assert.Equal(5, KeyPointDeriver.Derive(longAnswer).Count);
    }

    [Fact]
    public void Derive_LabelsKeepTheSurfaceForm_NotTheStem()
    {
        const string answer = "Indexing speeds up queries. Indexing costs writes. Queries that filter on an indexed column use the index; indexing every column slows inserts. Covering indexes avoid lookups.";

        var points = KeyPointDeriver.Derive(answer);

        Assert.Contains(points, p => p.Label == "Indexing");
        Assert.DoesNotContain(points, p => p.Label is "index" or "queri");
        Assert.Equal(100, _scorer.Score(points, answer).Percent);
    }

    [Fact]
    public void Derive_StopWordsAndFiller_AreNeverPoints()
    {
        const string answer = "The the the and and is is it it also also example example. Replication copies writes to followers; replication lag means followers can serve stale reads; failover promotes a follower.";

        var labels = KeyPointDeriver.Derive(answer).Select(p => p.Label.ToLowerInvariant()).ToList();

        Assert.DoesNotContain(labels, l => l is "the" or "and" or "is" or "it" or "also" or "example");
        Assert.Contains(labels, l => l.StartsWith("replication", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_CodeBlocksAndLinks_AreIgnored()
    {
        const string answer = """
            Use **optimistic concurrency**: each row carries a version and an update succeeds only if the version is unchanged.
            A conflict is reported to the caller, who retries with fresh state. See [the docs](https://example.com/zzzdocs/concurrency).

            ```csharp
            var rowsAffected = await connection.ExecuteAsync(sql, parameters);
            var rowsAffected2 = rowsAffected; var rowsAffected3 = rowsAffected;
            ```
            """;

        var labels = KeyPointDeriver.Derive(answer).Select(p => p.Label).ToList();

        Assert.Contains("optimistic concurrency", labels);
        Assert.DoesNotContain(labels, l => l.Contains("rowsAffected", StringComparison.OrdinalIgnoreCase) || l.Contains("zzzdocs", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_RepeatedTwoWordPhrase_BecomesOnePoint()
    {
        const string answer = "A read replica serves reads. Adding a read replica offloads the primary. Each read replica lags a little behind, so a read replica can return stale rows; route writes to the primary.";

        var points = KeyPointDeriver.Derive(answer);

        Assert.Contains(points, p => p.Label == "read replica");
        Assert.DoesNotContain(points, p => p.Label is "replica" or "read");
    }

    [Fact]
    public void Derive_HyphenatedTerm_KeepsTheHyphenInTheLabel()
    {
        const string answer = "Cache-aside loads on a miss. With cache-aside the application owns the logic; cache-aside keeps cold rows out of memory and survives an outage of the store.";

        var point = Assert.Single(KeyPointDeriver.Derive(answer), p => p.Label.StartsWith("Cache", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("Cache-aside", point.Label);
        Assert.Equal(["cache-aside"], point.Phrases);
    }

    [Fact]
    public void Derive_SameAnswer_SameResult()
    {
        var first = KeyPointDeriver.Derive(StampedeAnswer);
        var second = KeyPointDeriver.Derive(StampedeAnswer);

        Assert.Equal(first.Select(p => (p.Label, p.Phrases[0])), second.Select(p => (p.Label, p.Phrases[0])));
    }

    [Fact]
    public void Derive_FewerThanThreeContentWords_ReturnsWhatThereIs()
    {
        Assert.Empty(KeyPointDeriver.Derive("It is what it is."));
        Assert.Equal(2, KeyPointDeriver.Derive("Idempotency keys; idempotency keys.").SelectMany(p => TextNormalizer.Tokens(p.Phrases[0])).Distinct().Count());
    }

    [Fact]
    public void Derive_LanguageNames_SurviveAsTerms()
    {
        const string answer = "C# has async and await; C# tasks wrap work. C++ has std::future. In C# an async method returns a Task.";

        Assert.Contains(KeyPointDeriver.Derive(answer), p => p.Label == "C#");
    }

    [Fact]
    public void EnsureKeyPoints_QuestionWithPoints_IsReturnedUnchanged()
    {
        var question = TestQuestions.Make("q-one", "Why?", StampedeAnswer, keyPoints: new KeyPoint("Jitter", ["jitter"]));

        Assert.Same(question, KeyPointDeriver.EnsureKeyPoints(question));
    }

    [Fact]
    public void EnsureKeyPoints_QuestionWithoutPoints_DerivesThem()
    {
        var question = TestQuestions.Make("q-one", "Why?", StampedeAnswer);

        var result = KeyPointDeriver.EnsureKeyPoints(question);

        Assert.InRange(result.KeyPoints.Count, 3, 5);
        Assert.All(result.KeyPoints, p => Assert.True(p.Derived));
        Assert.Equal(100, _scorer.Score(result, result.Answer).Percent);
    }

    [Fact]
    public void Derive_DerivedQuestion_PassesTheBankValidator()
    {
        var question = KeyPointDeriver.EnsureKeyPoints(TestQuestions.Make("q-one", "What is a cache stampede?", StampedeAnswer));
        var yaml = QuestionYamlWriter.Write([question]);

        var (questions, problems) = QuestionFileParser.Parse("server", yaml, expectedCategory: null, _scorer);

        Assert.Empty(problems);
        Assert.Equal(question.KeyPoints.Select(p => p.Label), Assert.Single(questions).KeyPoints.Select(p => p.Label));
    }
}
