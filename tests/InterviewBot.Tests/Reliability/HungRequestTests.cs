using System.Diagnostics.Metrics;
using InterviewBot.Discord;
using InterviewBot.Health;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// A REST request Discord never answers (the emulator holds it open) is abandoned after the configurable request
/// timeout (<c>InterviewBot:Discord:RequestTimeout</c>, 1 s here instead of 30 s), retried, and reported when it keeps
/// hanging: it never blocks a handler for good.
/// </summary>
public sealed class HungRequestTests
{
    private const string PostMessage = "POST /channels/{channel_id}/messages";

    private static readonly Dictionary<string, string> ShortTimeout = new() { ["InterviewBot:Discord:RequestTimeout"] = "00:00:01" };

    [Fact]
    public async Task Ask_QuestionPostHangsOnce_IsRetriedAfterTheTimeout_AndPostedOnce()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: ShortTimeout);
        using var meters = new HostMeasurements(bot.Service<IMeterFactory>(), DiscordMetrics.MeterName);
        bot.Discord.Faults.HangRequests(r => r.RouteKey == PostMessage, times: 1);

        var ask = await bot.Member("alice").RunsCommandAsync("ask");
        await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Single(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);
        Assert.Equal(1, meters.Sum("discord.rest.retries", ("reason", "timeout")));
    }

    [Fact]
    public async Task Ask_QuestionPostHangsForever_MemberIsToldSomethingWentWrong_AfterTheRetries()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: ShortTimeout);
        using var meters = new HostMeasurements(bot.Service<IMeterFactory>(), DiscordMetrics.MeterName, BotMetrics.MeterName);
        bot.Discord.Faults.HangRequests(r => r.RouteKey == PostMessage);

        var ask = await bot.Member("alice").RunsCommandAsync("ask");
        var apology = await ask.WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(40));

        Assert.Equal("Sorry, something went wrong on our side. Please try again in a moment.", apology.Content);
        Assert.True(apology.Ephemeral);
        Assert.Equal(5, (await ask.WaitForResponseAsync()).Type); // deferred before the post was tried
        Assert.DoesNotContain(bot.Discord.Messages(bot.Channel.Id), m => m.Embeds.Count > 0);
        Assert.Equal(new DiscordClientOptions().MaxRetries, meters.Sum("discord.rest.retries", ("reason", "timeout")));

        // The dispatcher counts the interaction after its apology went out.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (meters.Sum("interviewbot.interactions", ("kind", "ApplicationCommand")) == 0)
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.Equal(1, meters.Sum("interviewbot.interactions", ("kind", "ApplicationCommand"), ("outcome", "failed")));
    }
}
