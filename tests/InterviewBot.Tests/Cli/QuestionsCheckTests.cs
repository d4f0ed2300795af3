using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.Cli;

public sealed class QuestionsCheckTests
{
    private const string ValidFile = """
        - id: cache-ttl
          category: caching
          difficulty: easy
          tags: [cache]
          prompt: What does a TTL do?
          answer: |
            A TTL makes an entry expire, so stale data is dropped and memory is reclaimed.
          key_points:
            - { label: Expiry, phrases: [expire] }
            - { label: Staleness, phrases: [stale] }
            - { label: Memory, phrases: [memory] }
        - id: cache-aside
          category: caching
          difficulty: hard
          tags: [cache]
          prompt: Explain cache-aside.
          answer: |
            The application reads the cache first and loads from the database on a miss, then fills the cache.
          key_points:
            - { label: Read cache first, phrases: [reads the cache] }
            - { label: Miss, phrases: [miss] }
            - { label: Fill, phrases: [fills the cache] }

        """;

    [Fact]
    public async Task Check_ValidBank_PrintsTableAndExits0()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("caching.yaml"), ValidFile);

        var result = await BotProcess.RunAsync(["questions", "check", temp.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("caching", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"caching\s*│\s*1\s*│\s*0\s*│\s*1\s*│\s*2", result.StandardOutput);
        Assert.Contains("2 questions in 1 file(s): no problems.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task Check_ProblemsInTwoFiles_PrintsEveryOneWithFileLineColumnAndExits1()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("caching.yaml"), ValidFile.Replace("difficulty: hard", "difficulty: brutal", StringComparison.Ordinal));
        await File.WriteAllTextAsync(temp.File("apis.yaml"), ValidFile.Replace("category: caching", "category: apis", StringComparison.Ordinal).Replace("prompt: Explain", "promt: Explain", StringComparison.Ordinal));

        var result = await BotProcess.RunAsync(["questions", "check", temp.Path]);

        Assert.Equal(1, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("caching.yaml:14:15: unknown difficulty 'brutal'; expected easy, medium or hard", lines);
        Assert.Contains(lines, l => l.StartsWith("apis.yaml:16:3: unknown field 'promt'", StringComparison.Ordinal));
        Assert.Contains("apis.yaml:12:3: missing field 'prompt'", lines);
        Assert.Contains(lines, l => l.StartsWith("apis.yaml:1:3: duplicate id 'cache-ttl' (first defined at ", StringComparison.Ordinal) || l.StartsWith("caching.yaml:1:3: duplicate id 'cache-ttl' (first defined at apis.yaml:1:3)", StringComparison.Ordinal));
        Assert.Contains("4 problem(s)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFolder_Exits1()
    {
        using var temp = new TempDirectory();

        var result = await BotProcess.RunAsync(["questions", "check", temp.File("nothing-here")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError, StringComparison.Ordinal);
    }
}
