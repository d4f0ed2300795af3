using System.Globalization;
using System.Text;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Questions;

/// <summary>
/// The YAML side of question files: anchors and aliases, several documents, flow and block styles, tabs, a byte order
/// mark and duplicate keys, with problems reported at the file, line and column YamlDotNet's representation model gave.
/// </summary>
public sealed class QuestionFileYamlTests
{
    // Line numbers in the expectations below count from this text: id is line 1, hint line 15.
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

    private const string AnswerText = "A TTL (time to live) makes an entry expire, so stale data is dropped and memory is reclaimed.";

    private static (IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems) Parse(string yaml) =>
        QuestionFileParser.Parse("caching.yaml", yaml, "caching", new KeyPointScorer());

    private static string Problem(string yaml) => Assert.Single(Parse(yaml).Problems).ToString();

    private static string Second(string id) => "\n" + Valid.Replace("id: cache-ttl", $"id: {id}", StringComparison.Ordinal);

    [Fact]
    public void Parse_AliasedValues_AreReadIntoEachQuestion()
    {
        var yaml = Valid
            .Replace("tags: [cache, redis]", "tags: &tags [cache, redis]", StringComparison.Ordinal)
            .Replace("answer: |", "answer: &answer |", StringComparison.Ordinal)
            .Replace("key_points:", "key_points: &points", StringComparison.Ordinal)
            + """

            - id: cache-two
              category: caching
              difficulty: hard
              tags: *tags
              prompt: And again?
              answer: *answer
              key_points: *points
            """;

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        Assert.Equal(2, questions.Count);
        Assert.Equal(questions[0].Tags, questions[1].Tags);
        Assert.Equal(AnswerText, questions[1].Answer);
        Assert.Equal(questions[0].KeyPoints.Select(k => k.Label), questions[1].KeyPoints.Select(k => k.Label));
        Assert.Equal(new SourceLocation("caching.yaml", 16, 3), questions[1].Location);
    }

    [Fact]
    public void Parse_AliasToABadValue_IsReportedWhereTheAnchorIs()
    {
        var yaml = Valid.Replace("difficulty: easy", "difficulty: &level trivial", StringComparison.Ordinal)
            + Second("cache-two").Replace("difficulty: easy", "difficulty: *level", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Empty(questions);
        Assert.Equal(
            [
                "caching.yaml:3:15: unknown difficulty 'trivial'; expected easy, medium or hard",
                "caching.yaml:3:15: unknown difficulty 'trivial'; expected easy, medium or hard",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_AnchoredQuestionRepeatedByAlias_IsReadTwice()
    {
        var yaml = Valid.Replace("- id: cache-ttl", "- &first\n  id: cache-ttl", StringComparison.Ordinal) + "\n- *first\n";

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        Assert.Equal(2, questions.Count);
        Assert.All(questions, q => Assert.Equal(new SourceLocation("caching.yaml", 1, 3), q.Location));
    }

    [Fact]
    public void Parse_AliasBeforeItsAnchor_IsResolvedAtTheEndOfTheDocument()
    {
        var yaml = Valid.Replace("difficulty: easy", "difficulty: *level", StringComparison.Ordinal)
            + Second("cache-two").Replace("difficulty: easy", "difficulty: &level hard", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        Assert.Equal([Difficulty.Hard, Difficulty.Hard], questions.Select(q => q.Difficulty));
    }

    [Fact]
    public void Parse_ProblemsAfterAnAliasBeforeItsAnchor_StayInFileOrder()
    {
        var yaml = Valid.Replace("difficulty: easy", "difficulty: *level", StringComparison.Ordinal)
            + Second("cache-two").Replace("difficulty: easy", "difficulty: hardest", StringComparison.Ordinal)
            + Second("cache-three")
                .Replace("difficulty: easy", "difficulty: &level medium", StringComparison.Ordinal)
                .Replace("tags: [cache, redis]", "tags: [Cache]", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Equal("cache-ttl", Assert.Single(questions).Id);
        Assert.Equal(
            [
                "caching.yaml:18:15: unknown difficulty 'hardest'; expected easy, medium or hard",
                "caching.yaml:34:10: tag 'Cache' must be a lowercase slug (letters, digits, '-')",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_AliasWithoutAnchor_IsASyntaxErrorAtTheAlias()
    {
        var yaml = Valid.Replace("difficulty: easy", "difficulty: *nowhere", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:3:15: YAML syntax: The anchor 'nowhere' does not exists", Problem(yaml));
    }

    [Fact]
    public void Parse_DocumentThatIsOnlyAnAlias_IsASyntaxError()
    {
        Assert.Equal("caching.yaml:1:5: YAML syntax: A document cannot contain only an alias", Problem("--- *a\n"));
    }

    [Fact]
    public void Parse_DuplicateKeyInAQuestion_IsASyntaxErrorAtTheSecondKey()
    {
        Assert.Equal("caching.yaml:16:3: YAML syntax: Duplicate key hint", Problem(Valid + "\n  hint: Again."));
    }

    [Fact]
    public void Parse_DuplicateKeyInAKeyPoint_IsASyntaxErrorAtTheSecondKey()
    {
        var yaml = Valid.Replace("phrases: [stale]", "phrases: [stale]\n      label: Again", StringComparison.Ordinal);

        Assert.Equal("caching.yaml:13:7: YAML syntax: Duplicate key label", Problem(yaml));
    }

    [Fact]
    public void Parse_DuplicateKeyInALongMapping_IsStillFound()
    {
        var yaml = new StringBuilder(Valid).Append('\n');
        for (var i = 1; i <= 20; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  extra{i}: x\n");
        }

        yaml.Append("  extra3: y\n");

        Assert.Equal("caching.yaml:36:3: YAML syntax: Duplicate key extra3", Problem(yaml.ToString()));
    }

    [Fact]
    public void Parse_ListAsKey_AndSameKeyWithAnotherTag_AreFieldProblems()
    {
        var yaml = Valid + "\n  ? [a, b]\n  : x\n  !!str hint: one\n";

        var (_, problems) = Parse(yaml);

        Assert.Equal(
            [
                "caching.yaml:16:5: unknown field '' in a question; expected one of: id, category, difficulty, tags, prompt, answer, key_points, hint, follow_ups, code, code_language",
                "caching.yaml:18:3: field 'hint' appears twice",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_LaterDocuments_AreNotQuestions()
    {
        var (questions, problems) = Parse(Valid + "\n---\nnot: [a, question]\n...\n");

        Assert.Empty(problems);
        Assert.Equal("cache-ttl", Assert.Single(questions).Id);
    }

    [Fact]
    public void Parse_LaterDocuments_MustStillBeValidYaml()
    {
        Assert.Equal("caching.yaml:18:11: YAML syntax: Duplicate key c", Problem(Valid + "\n---\na: 1\nb: {c: 2, c: 3}\n"));
    }

    [Fact]
    public void Parse_FlowStyle_ReadsLikeBlockStyle()
    {
        var yaml = """
            - {id: cache-ttl, category: caching, difficulty: "easy", tags: [cache, 'redis'],
               prompt: 'What does a "TTL" do?', answer: "A TTL makes an entry expire; stale data goes, memory is reclaimed.",
               key_points: [{label: Expiry, phrases: [expire, expiry]}, {label: Staleness, phrases: [stale]}, {label: Memory, phrases: [memory]}]}
            """;

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        var question = Assert.Single(questions);
        Assert.Equal("What does a \"TTL\" do?", question.Prompt);
        Assert.Equal(["cache", "redis"], question.Tags);
        Assert.Equal(["expire", "expiry"], question.KeyPoints[0].Phrases);
        Assert.Equal(new SourceLocation("caching.yaml", 1, 3), question.Location);
    }

    [Theory]
    [InlineData("|", AnswerText)]
    [InlineData(">-", AnswerText)]
    [InlineData("|+", AnswerText)]
    public void Parse_BlockScalarStyles_GiveTheSameAnswer(string style, string expected)
    {
        var (questions, problems) = Parse(Valid.Replace("answer: |", $"answer: {style}", StringComparison.Ordinal));

        Assert.Empty(problems);
        Assert.Equal(expected, Assert.Single(questions).Answer);
    }

    [Fact]
    public void Parse_LiteralBlock_KeepsParagraphs()
    {
        var yaml = Valid.Replace("memory is reclaimed.", "memory is reclaimed.\n\n    Second paragraph.", StringComparison.Ordinal);

        var (questions, problems) = Parse(yaml);

        Assert.Empty(problems);
        Assert.Equal(AnswerText + "\n\nSecond paragraph.", Assert.Single(questions).Answer);
    }

    [Fact]
    public void Parse_TabAsIndentation_IsASyntaxErrorNearTheTab()
    {
        var problem = Problem(Valid.Replace("  hint:", "\thint:", StringComparison.Ordinal));

        Assert.Equal("caching.yaml:14:23: YAML syntax: While scanning a mapping, found invalid tab as indentation.", problem);
    }

    [Fact]
    public void LoadDirectory_FileWithByteOrderMark_KeepsItsPositions()
    {
        var dir = Directory.CreateTempSubdirectory("bank-bom-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "caching.yaml"), Valid, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            var result = QuestionBankLoader.LoadDirectory(dir);

            Assert.Empty(result.Problems);
            Assert.Equal(new SourceLocation("caching.yaml", 1, 3), Assert.Single(result.Questions).Location);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_NoDocument_IsAnEmptyFile(string yaml)
    {
        Assert.Equal("caching.yaml:1:1: the file is empty; expected a list of questions", Problem(yaml));
    }

    [Fact]
    public void Parse_KeyWithoutValueBeforeBrokenText_IsASyntaxError()
    {
        // YamlDotNet's representation model threw an ArgumentException here ("unsupported type").
        Assert.Equal("caching.yaml:2:1: YAML syntax: Did not find expected <document end>.", Problem("  : x\n- id: a\n"));
    }

    [Fact]
    public void Parse_ManyQuestions_AreAllReadAndProblemsStayInFileOrder()
    {
        // 200 questions: every 50th has a bad difficulty; question 100 defines an anchor that question 150 uses, so
        // questions are read both while nothing can refer back to them and after.
        var yaml = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            var difficulty = i == 100 ? "&shared medium" : i == 150 ? "*shared" : i % 50 == 49 ? "unknown" : "easy";
            yaml.Append(Valid.Replace("id: cache-ttl", $"id: cache-{i}", StringComparison.Ordinal)
                .Replace("difficulty: easy", $"difficulty: {difficulty}", StringComparison.Ordinal)).Append('\n');
        }

        var (questions, problems) = Parse(yaml.ToString());

        Assert.Equal(196, questions.Count);
        Assert.Equal(Difficulty.Medium, questions.Single(q => q.Id == "cache-150").Difficulty);
        Assert.Equal([49, 99, 149, 199], problems.Select(p => (p.Location.Line - 3) / 15));
    }
}
