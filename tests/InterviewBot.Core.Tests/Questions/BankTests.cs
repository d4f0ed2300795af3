using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Questions;

/// <summary>The real bank in questions/ against the quality bar of the question-bank issue.</summary>
public sealed class BankTests
{
    private static readonly string[] RequiredCategories =
    [
        "apis", "behavioral", "caching", "ci-cd", "coding", "concurrency", "databases", "distributed-systems",
        "engineering", "remote-work", "scalability", "security", "system-design", "testing",
    ];

    private static readonly string BankDirectory = Path.Combine(ArchitectureTests.RepositoryRoot(), "questions");
    private static readonly Lazy<BankLoadResult> Loaded = new(() => QuestionBankLoader.LoadDirectory(BankDirectory));

    private static IReadOnlyList<Question> Questions => Loaded.Value.Questions;

    [Fact]
    public void RealBank_LoadsWithZeroProblems() =>
        Assert.True(Loaded.Value.IsValid, string.Join(Environment.NewLine, Loaded.Value.Problems));

    [Fact]
    public void RealBank_HasAtLeast200Questions_AndAtLeast12InEveryCategory()
    {
        Assert.True(Questions.Count >= 200, $"{Questions.Count} questions");
        foreach (var category in RequiredCategories)
        {
            var count = Questions.Count(q => q.Category == category);
            Assert.True(count >= 12, $"{category}: {count} questions");
        }
    }

    [Theory]
    [InlineData(Difficulty.Easy, 30)]
    [InlineData(Difficulty.Medium, 45)]
    [InlineData(Difficulty.Hard, 25)]
    public void RealBank_DifficultyMix_IsRoughly30_45_25(Difficulty difficulty, int targetPercent)
    {
        var percent = 100.0 * Questions.Count(q => q.Difficulty == difficulty) / Questions.Count;

        Assert.InRange(percent, targetPercent - 8, targetPercent + 8);
    }

    [Fact]
    public void RealBank_EveryReferenceAnswer_CoversAllOfItsOwnKeyPoints()
    {
        var scorer = new KeyPointScorer();
        var incomplete = Questions.Where(q => scorer.Score(q, q.Answer).Percent != 100).Select(q => q.Id).ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void RealBank_ReferenceAnswers_Are80To400Words()
    {
        var outside = Questions
            .Select(q => (q.Id, Words: q.Answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length))
            .Where(x => x.Words is < 80 or > 400)
            .Select(x => $"{x.Id}: {x.Words} words")
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void RealBank_HintsOnTechnicalQuestions_FollowUpsOnHardOnes_TagsEverywhere()
    {
        var noHint = Questions.Where(q => q.Category is not ("behavioral" or "remote-work") && q.Hint is null).Select(q => q.Id).ToList();
        var noFollowUps = Questions.Where(q => q.Difficulty == Difficulty.Hard && q.FollowUps.Count == 0).Select(q => q.Id).ToList();
        var noTags = Questions.Where(q => q.Tags.Count == 0).Select(q => q.Id).ToList();

        Assert.Empty(noHint);
        Assert.Empty(noFollowUps);
        Assert.Empty(noTags);
    }

    [Fact]
    public void RealBank_AnswersUseParagraphs_NotHardWrappedLines()
    {
        // Discord shows every newline, so a hard-wrapped paragraph would render as ragged short lines.
        var wrapped = Questions
            .Where(q => !q.Answer.Contains("```", StringComparison.Ordinal))
            .Where(q => q.Answer.Split('\n').Count(line => line.Length > 0 && char.IsLower(line.TrimStart()[0])) >= 3)
            .Select(q => q.Id)
            .ToList();

        Assert.Empty(wrapped);
    }

    [Fact]
    public void Samples_LandInTheirBands()
    {
        var (samples, problems) = SampleAnswerChecker.Load(BankDirectory);
        var all = problems.Concat(SampleAnswerChecker.Check(samples, Loaded.Value.ToBank(), new KeyPointScorer())).ToList();

        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    [Fact]
    public void Samples_CoverAtLeast40Questions_InEveryCategory_WithAllThreeBands()
    {
        var (samples, _) = SampleAnswerChecker.Load(BankDirectory);
        var bank = Loaded.Value.ToBank();
        var byQuestion = samples.GroupBy(s => s.QuestionId).ToList();

        Assert.True(byQuestion.Count >= 40, $"{byQuestion.Count} questions have samples");
        var incomplete = byQuestion.Where(g => g.Select(s => s.Band).Distinct().Count() < 3).Select(g => g.Key).ToList();
        Assert.Empty(incomplete);
        var categories = byQuestion.Select(g => bank.Find(g.Key)?.Category).Distinct().ToList();
        Assert.All(RequiredCategories, c => Assert.Contains(c, categories));
    }
}
