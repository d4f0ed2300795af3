using System.Diagnostics.Metrics;
using InterviewBot.Discord;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace InterviewBot.Tests.Reliability;

/// <summary>Discord's REST side misbehaving (429 storms of every scope, 5xx, slow responses) while members ask and answer.</summary>
public sealed class RestFaultTests(ITestOutputHelper output)
{
    private const string PostMessage = "POST /channels/{channel_id}/messages";
    private const string StartThread = "POST /channels/{channel_id}/messages/{message_id}/threads";
    private const string React = "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me";

    [Fact]
    public async Task AskAndAnswer_During429Storms5xxAndSlowResponses_EverythingPostedOnce_NoExhaustedBucketHit_InvalidRequestsCounted()
    {
        await using var bot = await BotUnderTest.StartAsync(emulator: o =>
        {
            // Tight buckets, so the client's own pacing is exercised, not just the injected faults.
            o.RateLimits.RouteLimit = 2;
            o.RateLimits.RouteWindow = TimeSpan.FromSeconds(1);
        });
        using var invalid = new HostCounter(bot.Service<IMeterFactory>(), DiscordMetrics.MeterName, "discord.rest.invalid_requests");
        var faults = bot.Discord.Faults;
        faults.RateLimitRequests(r => r.RouteKey == PostMessage, TimeSpan.FromMilliseconds(300), times: 3);                 // shared-scope storm
        faults.RateLimitRequests(r => r.RouteKey == StartThread, TimeSpan.FromMilliseconds(300), times: 1, global: true);  // global
        faults.FailRequests(r => r.RouteKey == StartThread, 502, times: 1);
        faults.FailRequests(r => r.RouteKey == React, 500, times: 2);
        faults.FailRequests(r => r.Route.StartsWith("/webhooks/", StringComparison.Ordinal) && r.Method == "PATCH", 503, times: 1);
        faults.DelayRequests(r => r.RouteKey == PostMessage, TimeSpan.FromMilliseconds(1500), times: 2);                   // slow Discord
        const int injected429 = 4;

        var asks = new List<DiscordEmulator.Scripting.InteractionHandle>();
        foreach (var member in new[] { "alice", "bob", "carol" })
        {
            asks.Add(await bot.Member(member).RunsCommandAsync("ask"));
        }

        foreach (var ask in asks)
        {
            var response = await ask.WaitForResponseAsync();
            Assert.True(response.Latency < TimeSpan.FromSeconds(3), $"acknowledged after {response.Latency}"); // deferred before the slow posts
            await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }

        var questions = bot.Discord.Messages(bot.Channel.Id).Where(m => m.Embeds.Count > 0).ToList();
        Assert.Equal(3, questions.Count);
        Assert.Equal(3, bot.Discord.Threads.Count);
        Assert.All(questions, q => Assert.Single(bot.Discord.Threads, t => t.Id == q.Id));

        foreach (var question in questions)
        {
            foreach (var member in new[] { "alice", "bob", "carol", "dave" })
            {
                await bot.Member(member).PostsAsync(question.Id, $"{member} answers {question.Id}");
            }
        }

        foreach (var question in questions)
        {
            await RevealTests.WaitForAnswersAsync(bot, question.Id, expectedMembers: 4);
        }

        // Every first answer gets its acknowledgement despite the 500s.
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (questions.Sum(q => bot.Discord.Messages(q.Id).Count(m => m.ReactionsOf("✅").Contains(bot.Discord.Bot.Id))) < 12)
            {
                await Task.Delay(50, cts.Token);
            }
        }

        var all429 = bot.Discord.Requests.Count(r => r.Status == 429);
        output.WriteLine($"{bot.Discord.RequestsTotal} requests, {all429} × 429 ({injected429} injected), {bot.Discord.InvalidRequests} invalid, bot counted {invalid.Total}");
        Assert.Equal(injected429, all429);        // zero requests into a bucket the client knew was exhausted
        Assert.Equal(1, bot.Discord.InvalidRequests); // only the injected global 429 counts against the 10,000 / 10 min
        Assert.Equal(bot.Discord.InvalidRequests, invalid.Total); // and the bot exposes the same count
        Assert.Empty(bot.Discord.Violations);
        var prompts = bot.Service<IPromptStore>();
        foreach (var question in questions)
        {
            Assert.NotNull((await prompts.FindByMessageAsync(question.Id, CancellationToken.None))!.ThreadId);
        }
    }
}
