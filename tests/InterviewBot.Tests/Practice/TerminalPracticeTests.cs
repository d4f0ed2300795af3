using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Features.Practice;
using InterviewBot.Storage;
using InterviewBot.Tests.Storage;
using Spectre.Console;

namespace InterviewBot.Tests.Practice;

/// <summary>The practice session in-process: a real SQLite file, a controlled clock, answers from a string.</summary>
public sealed class TerminalPracticeTests : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private QuestionBank bank = null!;
    private SqliteSpacedRepetitionStore store = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync();
        bank = PracticeBank.Load(storage.Directory);
        store = new SqliteSpacedRepetitionStore(storage.Factory, storage.Writer);
    }

    public Task DisposeAsync()
    {
        storage.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(TerminalPracticeRequest request, string input, bool interactive = false, int seed = 1)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        var practice = new TerminalPractice(bank, store, new KeyPointScorer(), new PracticePlanner(new QuestionSelector(new Random(seed))), storage.Time);
        using var reader = new StringReader(input);
        var exitCode = await practice.RunAsync(request, reader, console, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>The ids of the questions asked, in order (the line after each "Question n/m" rule).</summary>
    private static List<string> Asked(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        return [.. lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.StartsWith("── Question ", StringComparison.Ordinal)).Select(x => lines[x.Index + 1])];
    }

    private static string Answers(params string[] answers) => string.Join("\n\n", answers) + "\n";

    private Task<RepetitionState?> StateAsync(string questionId) =>
        store.GetAsync(TerminalPractice.LocalGuildId, TerminalPractice.LocalUserId, questionId, CancellationToken.None);

    [Fact]
    public async Task Practice_QuestionAnsweredBadly_ComesBackFirstWhenDue()
    {
        var caching = new TerminalPracticeRequest(Category: "caching", Count: 2);

        // Day 0: the same answer for both caching questions: it covers cache-ttl fully and cache-aside not at all.
        var day0 = await RunAsync(caching, Answers(PracticeBank.TtlReference, PracticeBank.TtlReference));
        Assert.Equal(0, day0.ExitCode);
        Assert.Equal(["cache-aside", "cache-ttl"], Asked(day0.Output).Order(StringComparer.Ordinal));

        // Half a day later nothing is due yet, and the member is told when it will be.
        storage.Time.Advance(TimeSpan.FromHours(12));
        var early = await RunAsync(caching, Answers(PracticeBank.TtlReference));
        Assert.Equal(0, early.ExitCode);
        Assert.Contains("Nothing to practise", early.Output, StringComparison.Ordinal);
        Assert.Contains("the next review is due on 2026-03-03", early.Output, StringComparison.Ordinal);
        Assert.Empty(Asked(early.Output));

        // Day 1: both are due (the first review is always one day); answered the same way again.
        storage.Time.Advance(TimeSpan.FromHours(12));
        var day1 = await RunAsync(caching, Answers(PracticeBank.TtlReference, PracticeBank.TtlReference));
        Assert.Equal(["cache-aside", "cache-ttl"], Asked(day1.Output));
        Assert.Contains("review, due since 2026-03-03", day1.Output, StringComparison.Ordinal);
        var aside = await StateAsync("cache-aside");
        var ttl = await StateAsync("cache-ttl");
        Assert.Equal(StorageFixture.Start.AddDays(2), aside!.DueAt);
        Assert.Equal(StorageFixture.Start.AddDays(7), ttl!.DueAt);

        // Day 2, any category: the badly answered question first, then a new one; the well answered one waits.
        storage.Time.Advance(TimeSpan.FromDays(1));
        var day2 = await RunAsync(new TerminalPracticeRequest(Count: 3), Answers(PracticeBank.OffTopic, PracticeBank.OffTopic));
        Assert.Equal(["cache-aside", "db-index"], Asked(day2.Output));
        Assert.Contains("Practice: 2 question(s), 1 due for review and 1 new (any question).", day2.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_StoresReviewForTheLocalMember()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), Answers(PracticeBank.TtlReference));

        Assert.Equal(0, result.ExitCode);
        var entry = Assert.Single(await store.ListForMemberAsync(0, 0, CancellationToken.None));
        Assert.Equal("cache-ttl", entry.QuestionId);
        Assert.Equal(Sm2Scheduler.Review(RepetitionState.New(StorageFixture.Start), RecallGrade.Easy, StorageFixture.Start), entry.State);
        Assert.Contains("Next review: 2026-03-03 (in 1 day(s)).", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_MultiLineAnswerEndedByEndOfInput_ScoredAsOneAnswer()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), "A TTL makes an entry expire,\nso stale data is dropped\nand memory is reclaimed.");

        Assert.Contains("Coverage 3/3 ✅ Expiry ✅ Staleness ✅ Memory", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_ReferenceAnswer_ShownInPanelWithoutMarkdownMarkers()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), Answers(PracticeBank.OffTopic));

        Assert.Contains("Reference answer", result.Output, StringComparison.Ordinal);
        Assert.Contains("A TTL makes an entry expire, so stale data is dropped and memory is", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("**", result.Output, StringComparison.Ordinal);
        Assert.Contains("╭", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_Interactive_OverrideReplacesCoverageGrade()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), PracticeBank.OffTopic + "\n\nmaybe\neasy\n", interactive: true);

        Assert.Contains("Grade from coverage (0 %): Again", result.Output, StringComparison.Ordinal);
        Assert.Contains("How did it go? [a]gain, [h]ard, [g]ood, [e]asy, or Enter to keep Again:", result.Output, StringComparison.Ordinal);
        Assert.Contains("'maybe' is not a grade.", result.Output, StringComparison.Ordinal);
        var state = await StateAsync("cache-ttl");
        Assert.Equal(1, state!.Repetitions);
        Assert.Equal(2.6, state.EaseFactor, 3);
        Assert.Matches(@"cache-ttl\s*│\s*caching\s*│\s*0 %\s*│\s*Easy", result.Output);
    }

    [Fact]
    public async Task Practice_Interactive_EnterKeepsCoverageGrade()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), PracticeBank.OffTopic + "\n\n\n", interactive: true);

        Assert.Contains("How did it go?", result.Output, StringComparison.Ordinal);
        var state = await StateAsync("cache-ttl");
        Assert.Equal(0, state!.Repetitions);
        Assert.Equal(StorageFixture.Start.AddDays(1), state.DueAt);
    }

    [Fact]
    public async Task Practice_NotInteractive_NoGradePrompt()
    {
        var result = await RunAsync(new TerminalPracticeRequest("caching", "easy", 1), PracticeBank.OffTopic + "\n\neasy\n");

        Assert.DoesNotContain("How did it go?", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync("cache-ttl"))!.Repetitions);
    }

    [Fact]
    public async Task Practice_DifficultyFilter_OnlyMatchingQuestions()
    {
        var result = await RunAsync(new TerminalPracticeRequest(Difficulty: "EASY", Count: 5), Answers(PracticeBank.OffTopic, PracticeBank.OffTopic, PracticeBank.OffTopic));

        Assert.Equal(["cache-ttl", "db-index"], Asked(result.Output).Order(StringComparer.Ordinal));
        Assert.Contains("(difficulty easy)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_NewQuestions_CategoriesRotate()
    {
        for (var seed = 0; seed < 5; seed++)
        {
            using var again = await StorageFixture.CreateAsync();
            store = new SqliteSpacedRepetitionStore(again.Factory, again.Writer);

            var result = await RunAsync(new TerminalPracticeRequest(Count: 3), Answers(PracticeBank.OffTopic, PracticeBank.OffTopic, PracticeBank.OffTopic), seed: seed);

            var asked = Asked(result.Output);
            Assert.Equal(3, asked.Count);
            Assert.NotEqual(asked[0].Split('-')[0], asked[1].Split('-')[0]);
        }
    }

    [Fact]
    public async Task Practice_FilterMatchesNothing_SaysSoExit1()
    {
        var result = await RunAsync(new TerminalPracticeRequest("databases", "hard"), Answers(PracticeBank.OffTopic));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("interviewbot: no question matches category databases, difficulty hard", result.Errors.Trim());
        Assert.Empty(await store.ListForMemberAsync(0, 0, CancellationToken.None));
    }

    [Theory]
    [InlineData("caching", null, 1, null)]
    [InlineData(" Caching ", "Hard", 50, null)]
    [InlineData("cooking", null, 1, "unknown category 'cooking'; expected one of caching, databases")]
    [InlineData(null, "brutal", 1, "unknown difficulty 'brutal'; expected easy, medium or hard")]
    [InlineData(null, null, 0, "--count must be between 1 and 50, not 0")]
    [InlineData(null, null, 51, "--count must be between 1 and 50, not 51")]
    public void Validate_Request_FilterOrReason(string? category, string? difficulty, int count, string? expected)
    {
        var problem = TerminalPractice.Validate(bank, new TerminalPracticeRequest(category, difficulty, count), out var filter);

        Assert.Equal(expected, problem);
        if (expected is null && category is not null)
        {
            Assert.Equal(["caching"], filter.Categories);
        }
    }

    [Fact]
    public async Task Practice_InvalidRequest_Exit2()
    {
        var result = await RunAsync(new TerminalPracticeRequest(Difficulty: "brutal"), string.Empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("interviewbot: unknown difficulty 'brutal'; expected easy, medium or hard", result.Errors.Trim());
    }

    [Fact]
    public async Task ReadAnswerAsync_SkipsLeadingBlankLines_NullAtEndOfInput()
    {
        using var reader = new StringReader("\n  \nfirst\nsecond\n\nnext answer\n");

        Assert.Equal("first\nsecond", await TerminalPractice.ReadAnswerAsync(reader, CancellationToken.None));
        Assert.Equal("next answer", await TerminalPractice.ReadAnswerAsync(reader, CancellationToken.None));
        Assert.Null(await TerminalPractice.ReadAnswerAsync(reader, CancellationToken.None));
    }

    [Theory]
    [InlineData("a", RecallGrade.Again)]
    [InlineData(" Hard ", RecallGrade.Hard)]
    [InlineData("G", RecallGrade.Good)]
    [InlineData("4", RecallGrade.Easy)]
    public void TryParseGrade_KnownSpellings(string text, RecallGrade expected)
    {
        Assert.True(TerminalPractice.TryParseGrade(text, out var grade));
        Assert.Equal(expected, grade);
    }

    [Fact]
    public void TryParseGrade_Unknown_False() => Assert.False(TerminalPractice.TryParseGrade("perfect", out _));
}
