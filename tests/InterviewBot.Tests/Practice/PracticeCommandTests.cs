using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.Practice;

/// <summary>The <c>practice</c> verb through the real executable, answers piped into stdin (so no grade prompt).</summary>
public sealed class PracticeCommandTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Practice_FullReferenceAnswer_AllCoveredAndSummaryShown()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);
        var data = temp.File("progress.db");

        var result = await BotProcess.RunAsync(
            ["practice", "--questions", questions, "--data", data, "--category", "caching", "--difficulty", "easy", "--count", "3"],
            standardInput: PracticeBank.TtlReference + "\n\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardError);
        var lines = Lines(result.StandardOutput);
        Assert.Contains("Coverage 3/3 ✅ Expiry ✅ Staleness ✅ Memory", lines);
        Assert.Contains("Grade from coverage (100 %): Easy", lines);
        Assert.Contains(lines, l => l.Contains("Reference answer", StringComparison.Ordinal));
        Assert.Matches(@"cache-ttl\s*│\s*caching\s*│\s*100 %\s*│\s*Easy\s*│\s*\d{4}-\d{2}-\d{2}", result.StandardOutput);
        Assert.Contains("Mean coverage: 100 % over 1 question(s).", lines);
        Assert.DoesNotContain("How did it go", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(data));
    }

    [Fact]
    public async Task Practice_OffTopicAnswers_NothingCoveredAndMeanZero()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);

        var result = await BotProcess.RunAsync(
            ["practice", "--questions", questions, "--data", temp.File("progress.db"), "--category", "caching", "--count", "2"],
            standardInput: $"{PracticeBank.OffTopic}\nSecond line of the same answer.\n\n\n{PracticeBank.OffTopic}");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.StandardOutput);
        Assert.Contains("Coverage 0/3 ❌ Expiry ❌ Staleness ❌ Memory", lines);
        Assert.Contains("Coverage 0/3 ❌ Read cache first ❌ Miss ❌ Fill", lines);
        Assert.Equal(2, lines.Count(l => l == "Grade from coverage (0 %): Again"));
        Assert.Matches(@"cache-aside\s*│\s*caching\s*│\s*0 %\s*│\s*Again", result.StandardOutput);
        Assert.Matches(@"cache-ttl\s*│\s*caching\s*│\s*0 %\s*│\s*Again", result.StandardOutput);
        Assert.Contains("Mean coverage: 0 % over 2 question(s).", lines);
    }

    [Fact]
    public async Task Practice_SecondRun_ProgressKept_AnsweredQuestionNotAskedAgainYet()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);
        string[] args = ["practice", "--questions", questions, "--data", temp.File("progress.db"), "--category", "caching", "--difficulty", "easy"];

        var first = await BotProcess.RunAsync(args, standardInput: PracticeBank.TtlReference + "\n");
        var second = await BotProcess.RunAsync(args, standardInput: PracticeBank.TtlReference + "\n");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Coverage 3/3", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing to practise", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("the next review is due on", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Coverage", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_InputEndsEarly_StopsAndSummarisesWhatWasAnswered()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);

        var result = await BotProcess.RunAsync(
            ["practice", "--questions", questions, "--data", temp.File("progress.db"), "--count", "3"],
            standardInput: PracticeBank.OffTopic);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Lines(result.StandardOutput), l => l.StartsWith("Coverage 0/3", StringComparison.Ordinal));
        Assert.Contains("stopped after 1 of 3 question(s)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Mean coverage: 0 % over 1 question(s).", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_NoDataOption_UsesPracticeDbInTheDataDirectory()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);

        var byDefault = await BotProcess.RunAsync(["practice", "--questions", questions, "--count", "1"], standardInput: PracticeBank.OffTopic, workingDirectory: temp.Path);
        var configured = await BotProcess.RunAsync(
            ["practice", "--questions", questions, "--count", "1"],
            new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = temp.File("elsewhere") },
            standardInput: PracticeBank.OffTopic,
            workingDirectory: temp.Path);

        Assert.Equal(0, byDefault.ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "data", "practice.db")));
        Assert.Equal(0, configured.ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "elsewhere", "practice.db")));
    }

    [Fact]
    public async Task Practice_ShippedBank_ThreeQuestionsWithoutAnyDiscordSetting()
    {
        using var temp = new TempDirectory();

        var result = await BotProcess.RunAsync(
            ["practice", "--count", "3", "--data", temp.File("progress.db")],
            // Made-up words, so no key point of any question in the real bank can match whichever three are drawn.
            standardInput: string.Join("\n\n", Enumerable.Repeat("xyzzy plugh frobnicate", 3)));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardError);
        var lines = Lines(result.StandardOutput);
        Assert.Contains("Practice: 3 question(s), 0 due for review and 3 new (any question).", lines);
        Assert.Equal(3, lines.Count(l => l.StartsWith("Coverage ", StringComparison.Ordinal)));
        Assert.Contains("Mean coverage: 0 % over 3 question(s).", lines);
    }

    [Theory]
    [InlineData("--difficulty", "brutal", "interviewbot: unknown difficulty 'brutal'; expected easy, medium or hard")]
    [InlineData("--category", "cooking", "interviewbot: unknown category 'cooking'; expected one of caching, databases")]
    [InlineData("--count", "0", "interviewbot: --count must be between 1 and 50, not 0")]
    public async Task Practice_InvalidFilter_OneLineErrorExit2AndNoFileCreated(string option, string value, string message)
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);
        var data = temp.File("progress.db");

        var result = await BotProcess.RunAsync(["practice", "--questions", questions, "--data", data, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.StandardError.Trim());
        Assert.False(File.Exists(data));
    }

    [Fact]
    public async Task Practice_FilterMatchesNothing_SaysSoExit1()
    {
        using var temp = new TempDirectory();
        var questions = PracticeBank.WriteTo(temp);

        var result = await BotProcess.RunAsync(["practice", "--questions", questions, "--data", temp.File("progress.db"), "--category", "databases", "--difficulty", "hard"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("interviewbot: no question matches category databases, difficulty hard", result.StandardError.Trim());
    }

    [Fact]
    public async Task Practice_MissingQuestionsFolder_Exit2()
    {
        using var temp = new TempDirectory();

        var result = await BotProcess.RunAsync(["practice", "--questions", temp.File("nope"), "--data", temp.File("progress.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError, StringComparison.Ordinal);
    }
}
