using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.Cli;

public sealed class StartupErrorTests
{
    [Fact]
    public async Task Run_WithoutToken_ExitsWithCode2AndOneLineSayingHowToSetIt()
    {
        using var data = new TempDirectory();
        var result = await BotProcess.RunAsync([], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = data.Path });

        Assert.Equal(2, result.ExitCode);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), "a missing token must fail fast, not after a connection attempt");
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("DISCORD_TOKEN", line, StringComparison.Ordinal);
        Assert.Contains("user-secrets", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExplicitRunVerbWithoutToken_ExitsWithCode2()
    {
        using var data = new TempDirectory();
        var result = await BotProcess.RunAsync(["run"], new Dictionary<string, string?> { ["InterviewBot__DataDirectory"] = data.Path });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no Discord bot token", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnusableDataDirectory_ExitsWithCode2AndNamesTheDirectory()
    {
        using var temp = new TempDirectory();
        var blocker = temp.File("not-a-directory");
        await File.WriteAllTextAsync(blocker, "a file where the data directory should be");

        var result = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token-value",
            ["InterviewBot__DataDirectory"] = blocker,
        });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(blocker, line, StringComparison.Ordinal);
        Assert.Contains("InterviewBot__DataDirectory", line, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token-value", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingQuestionsDirectory_ExitsWithCode2AndNamesTheSetting()
    {
        using var temp = new TempDirectory();
        var result = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token-value",
            ["InterviewBot__DataDirectory"] = temp.File("data"),
            ["InterviewBot__QuestionsDirectory"] = temp.File("no-such-questions"),
        });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no-such-questions", line, StringComparison.Ordinal);
        Assert.Contains("InterviewBot__QuestionsDirectory", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownVerbOption_PrintsUsageErrorAndFails()
    {
        var result = await BotProcess.RunAsync(["questions", "check", "--no-such-option"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--no-such-option", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidQuestionBank_ExitsWithCode2AndTheSameReportAsTheChecker()
    {
        using var temp = new TempDirectory();
        var questions = temp.File("questions");
        Directory.CreateDirectory(questions);
        await File.WriteAllTextAsync(Path.Combine(questions, "caching.yaml"), "- id: cache-x\n  category: caching\n  difficulty: extreme\n");

        var result = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token-value",
            ["InterviewBot__DataDirectory"] = temp.File("data"),
            ["InterviewBot__QuestionsDirectory"] = questions,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("caching.yaml:3:15: unknown difficulty 'extreme'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("caching.yaml:1:3: missing field 'prompt'", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token-value", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DatabaseNewerThanCode_ExitsWithCode2AndSaysSo()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        Directory.CreateDirectory(data);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "interviewbot.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token-value",
            ["InterviewBot__DataDirectory"] = data,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("999", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token-value", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }
}
