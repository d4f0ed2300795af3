using DiscordEmulator;
using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.EndToEnd;

/// <summary>Close codes retrying cannot fix stop the real executable with a clear line, instead of a reconnect loop.</summary>
public sealed class GatewayRefusalTests
{
    [Fact]
    public async Task Run_MessageContentIntentNotEnabled_ExitsWithCode2AndSaysWhereToEnableIt()
    {
        await using var discord = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { AllowedPrivilegedIntents = 0 });
        discord.AddGuild("Backend Club").AddTextChannel("interview");
        using var data = new TempDirectory();

        var result = await BotProcess.RunAsync([], Environment(discord, discord.BotToken, data.Path), timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.StandardError + result.StandardOutput);
        Assert.Contains("Message Content", result.StandardError, StringComparison.Ordinal);
        Assert.True(discord.ConnectionCount <= 1, $"connected {discord.ConnectionCount} times: a refused intent must not be retried");
        Assert.DoesNotContain(discord.BotToken, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidToken_ExitsWithCode2_WithoutEchoingTheToken()
    {
        await using var discord = await DiscordEmulatorServer.StartAsync();
        discord.AddGuild("Backend Club").AddTextChannel("interview");
        using var data = new TempDirectory();
        const string wrongToken = "definitely-not-the-right-token-1234567890";

        var result = await BotProcess.RunAsync([], Environment(discord, wrongToken, data.Path), timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("token", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(wrongToken, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.True(discord.ConnectionCount <= 1, $"connected {discord.ConnectionCount} times: a bad token must not be retried");
    }

    private static Dictionary<string, string?> Environment(DiscordEmulatorServer discord, string token, string dataDirectory) => new()
    {
        ["DISCORD_TOKEN"] = token,
        ["InterviewBot__Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        ["InterviewBot__DataDirectory"] = dataDirectory,
    };
}
