using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Questions;

public sealed class QuestionFileParserTests
{
    private const string Valid = """
        - id: cache-ttl
          category: caching
          difficulty: easy
          tags: [cache, redis]
          prompt: What does a TTL do in a cache?
          answer: |
            A TTL (time to live) makes an entry expire, so stale data is dropped and memory is reclaimed.
          key_points:
            - label: Expiry
              phrases: [expire, expiry]
            - label: Staleness
              phrases: [stale]
            - label: Memory
              phrases: [memory]
          hint: Think about old entries.
        """;

    private static (IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems) Parse(string yaml, string file = "caching.yaml") =>
        QuestionFileParser.Parse(file, yaml, "caching", new KeyPointScorer());

    private static string Problem(string yaml) => Assert.Single(Parse(yaml).Problems).ToString();

    [Fact]
    public void Parse_ValidQuestion_ReadsEveryField()
    {
        var (questions, problems) = Parse(Valid);

        Assert.Empty(problems);
        var q = Assert.Single(questions);
        Assert.Equal("cache-ttl", q.Id);
        Assert.Equal(Difficulty.Easy, q.Difficulty);
        Assert.Equal(["cache", "redis"], q.Tags);
        Assert.Equal(3, q.KeyPoints.Count);
        Assert.Equal(["expire", "expiry"], q.KeyPoints[0].Phrases);
        Assert.Equal("Think about old entries.", q.Hint);
        Assert.Equal(new SourceLocation("caching.yaml", 1, 3), q.Location);
    }

    [Fact]
    public void Parse_DerivedField_MarksOnlyThatKeyPoint()
    {
        var yaml = Valid.Replace("phrases: [stale]", "phrases: [stale]\n      derived: true", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        Assert.Equal([false, true, false], Assert.Single(questions).KeyPoints.Select(k => k.Derived));
    }

    [Fact]
    public void Parse_DerivedNotABoolean_IsReportedAtItsPosition()
    {
        var yaml = Valid.Replace("phrases: [stale]", "phrases: [stale]\n      derived: maybe", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:13:16: field 'derived' must be true or false", Problem(yaml));
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var yaml = Valid.Replace("tags: [cache, redis]", "tags: [cache, redis", StringComparison.Ordinal);

        var problem = Problem(yaml);

        Assert.True(problem.StartsWith("caching.yaml:4:", StringComparison.Ordinal), problem);
        Assert.Contains("YAML syntax", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_ReportsItsPosition()
    {
        var yaml = Valid.Replace("  hint:", "  hnit:", StringComparison.Ordinal);

        Assert.StartsWith("caching.yaml:15:3: unknown field 'hnit'", Problem(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingField_ReportsTheQuestion()
    {
        var yaml = Valid.Replace("  difficulty: easy\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal("caching.yaml:1:3: missing field 'difficulty'", Problem(yaml));
    }

    [Fact]
    public void Parse_UnknownDifficulty_ReportsTheValue()
    {
        var yaml = Valid.Replace("difficulty: easy", "difficulty: trivial", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:3:15: unknown difficulty 'trivial'; expected easy, medium or hard", Problem(yaml));
    }

    [Fact]
    public void Parse_CategoryNotMatchingFile_IsReported()
    {
        var yaml = Valid.Replace("category: caching", "category: databases", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:2:13: category 'databases' does not match the file name (expected 'caching')", Problem(yaml));
    }

    [Fact]
    public void Parse_EmptyKeyPoints_IsReported()
    {
        var start = Valid.IndexOf("  key_points:", StringComparison.Ordinal);
        var end = Valid.IndexOf("  hint:", StringComparison.Ordinal);
        var yaml = Valid[..start] + "  key_points: []\n" + Valid[end..];

        Assert.Equal("caching.yaml:8:15: key_points has 0 entries; expected 3 to 7", Problem(yaml));
    }

    [Fact]
    public void Parse_KeyPointPhraseNotInOwnAnswer_IsReported()
    {
        var yaml = Valid.Replace("phrases: [stale]", "phrases: [eviction]", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:11:7: key point 'Staleness': none of its phrases occurs in the question's own reference answer", Problem(yaml));
    }

    [Fact]
    public void Parse_PromptOverDiscordLimit_IsReported()
    {
        var yaml = Valid.Replace("What does a TTL do in a cache?", new string('x', 257), StringComparison.Ordinal);

        Assert.Equal("caching.yaml:5:11: prompt is 257 characters; the limit is 256 (Discord's embed title limit)", Problem(yaml));
    }

    [Fact]
    public void Parse_AnswerOverDiscordLimit_IsReported()
    {
        var longAnswer = "A TTL makes an entry expire; stale memory. " + string.Concat(Enumerable.Repeat("more words here ", 300));
        var yaml = Valid.Replace(
            "A TTL (time to live) makes an entry expire, so stale data is dropped and memory is reclaimed.",
            longAnswer,
            StringComparison.Ordinal);

        Assert.StartsWith("caching.yaml:6:11: answer is ", Problem(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadId_IsReported()
    {
        var yaml = Valid.Replace("id: cache-ttl", "id: Cache TTL", StringComparison.Ordinal);

        Assert.StartsWith("caching.yaml:1:7: id 'Cache TTL' must be", Problem(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        var yaml = Valid
            .Replace("difficulty: easy", "difficulty: trivial", StringComparison.Ordinal)
            .Replace("  hint:", "  hnit:", StringComparison.Ordinal)
            + "\n" + Valid.Replace("id: cache-ttl", "id: cache-ttl-2", StringComparison.Ordinal).Replace("prompt:", "promt:", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Empty(questions);
        Assert.Equal(4, problems.Count); // trivial, hnit, promt (unknown), prompt (missing)
    }

    [Fact]
    public void Parse_NotAList_IsReported()
    {
        Assert.Equal("caching.yaml:1:1: expected a list of questions (each item starting with '- id: ...')", Problem("id: x\n"));
    }
}
