using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Community;

public sealed class QuestionYamlWriterTests
{
    private const string Answer = """
        A **cache stampede** happens when a hot key expires and many requests miss at once.
        Coalescing lets one request rebuild the value, and jitter spreads the expiry.
        """;

    private static readonly KeyPoint[] Points =
    [
        new("Many misses at once", ["stampede", "many requests miss"]),
        new("Coalescing", ["coalescing", "single flight"]),
        new("Jitter", ["jitter"]),
    ];

    private readonly KeyPointScorer _scorer = new();

    [Fact]
    public void Write_EveryBankFile_RoundTripsToEqualQuestions()
    {
        var files = Directory.GetFiles(TestQuestions.BankDirectory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var category = Path.GetFileNameWithoutExtension(path);
            var (original, originalProblems) = QuestionFileParser.Parse(path, File.ReadAllText(path), category, _scorer);
            Assert.Empty(originalProblems);

            var yaml = QuestionYamlWriter.Write(original);
            var (copy, problems) = QuestionFileParser.Parse("copy-" + category, yaml, category, _scorer);

            Assert.True(problems.Count == 0, $"{category}: {string.Join(Environment.NewLine, problems)}");
            AssertSameQuestions(original, copy);
        }
    }

    [Fact]
    public void Write_BankFile_IsValidAsAServerImport()
    {
        var bank = TestQuestions.Bank.Take(20).ToList();

        var (copy, problems) = QuestionFileParser.Parse("import", QuestionYamlWriter.Write(bank), expectedCategory: null, _scorer);

        Assert.Empty(problems);
        AssertSameQuestions(bank, copy);
    }

    [Theory]
    [InlineData("What does `key: value` mean in YAML: a map?")]
    [InlineData("- starts with a dash")]
    [InlineData("# starts like a comment")]
    [InlineData("\"quoted\" and 'single' quotes")]
    [InlineData("'starts with a single quote")]
    [InlineData("ends with a colon:")]
    [InlineData("has a # hash after a space")]
    [InlineData("[looks like a list]")]
    [InlineData("{looks: like a map}")]
    [InlineData("& anchor * alias ! tag % directive @ at ` backtick")]
    [InlineData("| pipe > greater")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("12345")]
    [InlineData("Unicode: naïve café — “quotes” 日本語 emoji 🚀 and ZWJ 👩‍💻")]
    [InlineData("Tabs\tinside\ttext")]
    [InlineData("Backslash \\ and \\n literal")]
    [InlineData("--- a document marker")]
    [InlineData("... an end marker")]
    [InlineData("Escape \u001b[31m red and bell \u0007 and zero-width \u200b space")]
    [InlineData("Right-to-left \u05e9\u05dc\u05d5\u05dd and combining e\u0301")]
    public void Write_TrickyText_RoundTripsInEveryField(string text)
    {
        var question = TestQuestions.Make("tricky-text", text, text + "\n\n" + Answer, keyPoints: Points) with
        {
            Hint = text,
            FollowUps = [text, "plain follow-up"],
            Tags = ["c#", "c++", "dot.net"],
            Code = text,
            CodeLanguage = "csharp",
        };
        var labelled = question with { KeyPoints = [.. Points.Select(p => p with { Label = text.Length <= 80 ? text : p.Label }), ] };

        AssertRoundTrips(labelled);
    }

    [Fact]
    public void Write_MultiLineMarkdownWithCode_RoundTrips()
    {
        var answer = """
            ## Heading

            - a list item: with a colon
            - another item # not a comment
              continued line

            > a quote

            ```csharp
            if (x) {
                return "a: b";   // comment
            }
            ```

                indented code block

            Last line with trailing **bold**.
            """ + "\n\n" + Answer;
        var code = "    leading indentation kept\n\tand a tab\n}\n\nafter a blank line";
        var question = TestQuestions.Make("markdown-code", "Line one\nLine two: with colon", answer, keyPoints: Points) with
        {
            Code = code,
            CodeLanguage = "csharp",
            Hint = "Multi\nline hint",
        };

        AssertRoundTrips(question);
    }

    [Fact]
    public void Write_WindowsLineEndings_ComeBackAsNewlines()
    {
        var question = TestQuestions.Make("crlf", "Line one\r\nLine two", Answer.ReplaceLineEndings("\r\n"), keyPoints: Points) with { Code = "a\r\nb" };

        var (questions, problems) = QuestionFileParser.Parse("server", QuestionYamlWriter.Write([question]), null, _scorer);

        Assert.Empty(problems);
        var copy = Assert.Single(questions);
        Assert.Equal("Line one\nLine two", copy.Prompt);
        Assert.Equal(Answer.ReplaceLineEndings("\n").Trim(), copy.Answer);
        Assert.Equal("a\nb", copy.Code);
    }

    [Fact]
    public void Write_TrailingSpacesOnALine_StillRoundTrip()
    {
        var question = TestQuestions.Make("trailing-space", "Prompt with trailing space   \nsecond line", Answer, keyPoints: Points);

        AssertRoundTrips(question);
    }

    [Fact]
    public void Write_PhrasesWithCommasAndBrackets_RoundTrip()
    {
        KeyPoint[] points =
        [
            new("Many misses, at once", ["stampede", "many requests miss", "a, b", "[x]", "{y}"]),
            new("Coalescing: one rebuild", ["coalescing", "'quoted'", "\"double\""]),
            new("Jitter", ["jitter", "- dash", "# hash"]),
        ];

        AssertRoundTrips(TestQuestions.Make("phrases", "Why?", Answer, keyPoints: points));
    }

    [Fact]
    public void Write_OptionalFieldsAbsent_AreLeftOut()
    {
        var yaml = QuestionYamlWriter.Write([TestQuestions.Make("minimal", "Why?", Answer, keyPoints: Points)]);

        Assert.DoesNotContain("hint", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("follow_ups", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("code", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("tags", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LooksLikeTheBank()
    {
        var question = TestQuestions.Make("looks", "Why?", Answer, keyPoints: Points) with { Tags = ["cache", "redis"] };

        var yaml = QuestionYamlWriter.Write([question, question with { Id = "looks-two" }]);

        Assert.StartsWith("- id: looks\n  category: caching\n  difficulty: medium\n  tags: [cache, redis]\n  prompt: |", yaml, StringComparison.Ordinal);
        Assert.Contains("  answer: |\n    A **cache stampede**", yaml, StringComparison.Ordinal);
        Assert.Contains("  key_points:\n    - label: Many misses at once\n      phrases: [stampede, many requests miss]", yaml, StringComparison.Ordinal);
        Assert.Contains("\n\n- id: looks-two\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoQuestions_ParsesAsAnEmptyList()
    {
        var (questions, problems) = QuestionFileParser.Parse("empty", QuestionYamlWriter.Write([]), null, _scorer);

        Assert.Empty(questions);
        Assert.Empty(problems);
    }

    private void AssertRoundTrips(Question question)
    {
        var yaml = QuestionYamlWriter.Write([question]);

        var (questions, problems) = QuestionFileParser.Parse("server", yaml, expectedCategory: null, _scorer);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + yaml);
        AssertSameQuestions([question], questions);
    }

    [Fact]
    public void Write_DerivedKeyPoints_AreMarkedAndSurviveTheRoundTrip()
    {
        var question = KeyPointDeriver.EnsureKeyPoints(TestQuestions.Make("derived-points", "What is a cache stampede?", Answer, keyPoints: []));
        Assert.All(question.KeyPoints, p => Assert.True(p.Derived));

        var yaml = QuestionYamlWriter.Write([question]);
        var (copy, problems) = QuestionFileParser.Parse("derived", yaml, expectedCategory: null, _scorer);

        Assert.Empty(problems);
        Assert.Equal(question.KeyPoints.Count, yaml.Split("derived: true").Length - 1);
        AssertSameQuestions([question], copy);
    }

    [Fact]
    public void Write_AuthoredKeyPoints_HaveNoDerivedField()
    {
        var yaml = QuestionYamlWriter.Write([TestQuestions.Make("authored-points", "What is a cache stampede?", Answer, keyPoints: Points)]);

        Assert.DoesNotContain("derived", yaml, StringComparison.Ordinal);
    }

    internal static void AssertSameQuestions(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Category, a.Category);
            Assert.Equal(e.Difficulty, a.Difficulty);
            Assert.Equal(e.Tags, a.Tags);
            Assert.Equal(e.Prompt, a.Prompt);
            Assert.Equal(e.Answer, a.Answer);
            Assert.Equal(e.Hint, a.Hint);
            Assert.Equal(e.FollowUps, a.FollowUps);
            Assert.Equal(e.Code, a.Code);
            Assert.Equal(e.CodeLanguage, a.CodeLanguage);
            Assert.Equal(e.KeyPoints.Count, a.KeyPoints.Count);
            for (var k = 0; k < e.KeyPoints.Count; k++)
            {
                Assert.Equal(e.KeyPoints[k].Label, a.KeyPoints[k].Label);
                Assert.Equal(e.KeyPoints[k].Phrases, a.KeyPoints[k].Phrases);
                Assert.Equal(e.KeyPoints[k].Derived, a.KeyPoints[k].Derived);
            }
        }
    }
}
