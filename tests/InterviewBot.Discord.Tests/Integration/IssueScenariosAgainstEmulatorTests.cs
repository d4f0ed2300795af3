using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;

namespace InterviewBot.Discord.Tests.Integration;

/// <summary>The Discord-link issue's named scenarios, with the real client against the emulator's own rate limits and faults.</summary>
public sealed class IssueScenariosAgainstEmulatorTests
{
    [Fact]
    public async Task ThreeHundredConcurrentCalls_OneRoute_NeverHitAnExhaustedBucket_AndAllSucceed()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.RateLimits.RouteLimit = 50;
            o.RateLimits.RouteWindow = TimeSpan.FromMilliseconds(250);
            o.RateLimits.GlobalLimit = 1000;
        });
        var channel = new Snowflake(harness.Channel.Id);

        var sends = Enumerable.Range(0, 300).Select(i => harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = $"message {i}" }));
        var sent = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(300, sent.Select(m => m.Id).Distinct().Count());
        Assert.Equal(300, harness.Emulator.Messages(harness.Channel.Id).Count);
        Assert.Equal(0, harness.Emulator.Count429);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task GlobalRateLimit429_PausesEveryRoute_ThenEverythingSucceeds()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var other = harness.Guild.AddTextChannel("other");
        harness.Emulator.Faults.RateLimitRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", TimeSpan.FromMilliseconds(600), times: 1, global: true);

        await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate { Content = "first" });
        var limited = await harness.Emulator.WaitForRequestAsync(r => r.Status == 429);
        var onOtherRoute = await harness.Rest.GetChannelAsync(new Snowflake(other.Id));

        // The POST was retried, and the other route's request waited, until the global retry_after had passed.
        var retried = harness.Emulator.Requests.Last(r => r.Method == "POST" && r.Status == 200);
        var otherRequest = harness.Emulator.Requests.Last(r => r.Method == "GET" && r.Path.EndsWith(other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.True(retried.Time - limited.Time >= TimeSpan.FromMilliseconds(550), $"retried {retried.Time - limited.Time} after a global 429 with retry_after 0.6 s");
        Assert.True(otherRequest.Time - limited.Time >= TimeSpan.FromMilliseconds(550), $"other route sent {otherRequest.Time - limited.Time} after a global 429 with retry_after 0.6 s");
        Assert.Equal(other.Id, onOtherRoute.Id.Value);
        Assert.Equal(1, harness.Emulator.Count429);
        Assert.Single(harness.Emulator.Messages(harness.Channel.Id));
    }

    [Fact]
    public async Task HeartbeatAcksStop_ZombieIsDetected_AndTheSessionResumes()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(300));
        await harness.ConnectAsync();

        harness.Emulator.Faults.AckHeartbeats = false;
        var resumedTask = harness.NextAsync<ResumedEvent>();
        await Task.Delay(1000);
        harness.Emulator.Faults.AckHeartbeats = true;
        var resumed = await resumedTask.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotNull(resumed);
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }
}
