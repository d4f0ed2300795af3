using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using DiscordEmulator;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Emulator;

public sealed class RateLimitAndFaultTests
{
    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Text(string content) => new() { ["content"] = content };

    private static async Task<(DiscordEmulatorServer Emulator, RestTestClient Client, string Messages, string OtherMessages)> StartAsync(FakeTimeProvider time, Action<RateLimitOptions>? limits = null)
    {
        var options = new EmulatorOptions { TimeProvider = time };
        options.RateLimits.RouteLimit = 2;
        options.RateLimits.RouteWindow = TimeSpan.FromSeconds(5);
        limits?.Invoke(options.RateLimits);
        var emulator = await DiscordEmulatorServer.StartAsync(options);
        var guild = emulator.AddGuild("alpha");
        var a = guild.AddTextChannel("a");
        var b = guild.AddTextChannel("b");
        return (emulator, new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken), $"channels/{Id(a.Id)}/messages", $"channels/{Id(b.Id)}/messages");
    }

    private static FakeTimeProvider Clock() => new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task RouteBucket_WithinLimit_SendsHeadersCountingDown()
    {
        var (emulator, rest, messages, _) = await StartAsync(Clock());
        await using var _ = emulator;
        using var __ = rest;

        var first = await rest.PostAsync(messages, Text("1"));
        var second = await rest.PostAsync(messages, Text("2"));

        Assert.Equal("2", first.Header("X-RateLimit-Limit"));
        Assert.Equal("1", first.Header("X-RateLimit-Remaining"));
        Assert.Equal("0", second.Header("X-RateLimit-Remaining"));
        Assert.Equal("5.000", first.Header("X-RateLimit-Reset-After"));
        Assert.Equal("1772355605.000", first.Header("X-RateLimit-Reset"));
        Assert.Equal(first.Header("X-RateLimit-Bucket"), second.Header("X-RateLimit-Bucket"));
        Assert.NotEmpty(first.Header("X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task RouteBucket_Exhausted_Returns429UntilReset()
    {
        var time = Clock();
        var (emulator, rest, messages, _) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = rest;
        await rest.PostAsync(messages, Text("1"));
        await rest.PostAsync(messages, Text("2"));

        var limited = await rest.PostAsync(messages, Text("3"));
        time.Advance(TimeSpan.FromSeconds(5));
        var afterReset = await rest.PostAsync(messages, Text("4"));

        Assert.Equal(429, limited.Status);
        Assert.Equal(5.0, limited.Body!["retry_after"]!.GetValue<double>());
        Assert.False(limited.Body["global"]!.GetValue<bool>());
        Assert.Equal("You are being rate limited.", limited.Body["message"]!.GetValue<string>());
        Assert.Equal("5", limited.Header("Retry-After"));
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Equal(200, afterReset.Status);
        Assert.Equal(1, emulator.Count429);
        Assert.Equal(1, emulator.InvalidRequests);
        Assert.Equal(4, emulator.RequestsTotal);
        Assert.Equal(3, emulator.Messages(emulator.Guilds[0].Channels[0].Id).Count);
    }

    [Fact]
    public async Task RouteBucket_OtherChannel_HasItsOwnCount()
    {
        var (emulator, rest, messages, other) = await StartAsync(Clock());
        await using var _ = emulator;
        using var __ = rest;
        await rest.PostAsync(messages, Text("1"));
        await rest.PostAsync(messages, Text("2"));

        var elsewhere = await rest.PostAsync(other, Text("3"));

        Assert.Equal(200, elsewhere.Status);
        Assert.Equal("1", elsewhere.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task RouteOverride_ByRouteKey_UsesItsSize()
    {
        var (emulator, rest, messages, _) = await StartAsync(Clock(), l => l.Routes["POST /channels/{channel_id}/messages"] = new RouteLimit(10, TimeSpan.FromSeconds(1)));
        await using var _ = emulator;
        using var __ = rest;

        var response = await rest.PostAsync(messages, Text("1"));

        Assert.Equal("10", response.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task GlobalLimit_Exceeded_Returns429GlobalButInteractionRoutesAreExempt()
    {
        var (emulator, rest, messages, other) = await StartAsync(Clock(), l =>
        {
            l.RouteLimit = 100;
            l.GlobalLimit = 2;
        });
        await using var _ = emulator;
        using var __ = rest;
        await rest.PostAsync(messages, Text("1"));
        await rest.PostAsync(other, Text("2"));

        var limited = await rest.GetAsync("users/@me");
        var interaction = await rest.PostAsync("interactions/1/none/callback", new JsonObject { ["type"] = 1 });

        Assert.Equal(429, limited.Status);
        Assert.True(limited.Body!["global"]!.GetValue<bool>());
        Assert.Equal("global", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.Equal(404, interaction.Status);
    }

    [Fact]
    public async Task FailFault_Once_Returns502ThenSucceeds()
    {
        var (emulator, rest, messages, _) = await StartAsync(Clock());
        await using var _ = emulator;
        using var __ = rest;
        emulator.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", 502, times: 1);

        var failed = await rest.PostAsync(messages, Text("1"));
        var retried = await rest.PostAsync(messages, Text("1"));

        Assert.Equal(502, failed.Status);
        Assert.Equal(200, retried.Status);
        Assert.Single(emulator.Messages(emulator.Guilds[0].Channels[0].Id));
    }

    [Fact]
    public async Task FailFault_500_ReturnsDiscordShapedError()
    {
        var (emulator, rest, _, _) = await StartAsync(Clock());
        await using var _ = emulator;
        using var __ = rest;
        emulator.Faults.FailRequests(r => r.Route == "/users/@me", 500);

        var failed = await rest.GetAsync("users/@me");

        Assert.Equal(500, failed.Status);
        Assert.NotNull(failed.Body!["message"]);
    }

    [Fact]
    public async Task RateLimitFault_Storm_Returns429SharedAndCounts()
    {
        var (emulator, rest, messages, _) = await StartAsync(Clock());
        await using var _ = emulator;
        using var __ = rest;
        emulator.Faults.RateLimitRequests(r => r.Method == "POST", TimeSpan.FromMilliseconds(1500), times: 3);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await rest.PostAsync(messages, Text("x"))).Status);
        }

        Assert.Equal([429, 429, 429, 200], statuses);
        Assert.Equal(3, emulator.Count429);
        Assert.Equal(0, emulator.InvalidRequests);
        var last429 = emulator.Requests.Last(r => r.Status == 429);
        Assert.Equal(1.5, last429.ResponseBody!["retry_after"]!.GetValue<double>());
    }

    [Fact]
    public async Task DelayFault_Matching_RequestStillCompletes()
    {
        var options = new EmulatorOptions();
        await using var emulator = await DiscordEmulatorServer.StartAsync(options);
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);
        emulator.Faults.DelayRequests(r => r.Route == "/users/@me", TimeSpan.FromMilliseconds(50), times: 1);

        var response = await rest.GetAsync("users/@me");

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task HangFault_Matching_ClientTimesOut()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);
        emulator.Faults.HangRequests(r => r.Route == "/users/@me", times: 1);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rest.SendAsync(HttpMethod.Get, "users/@me", null, cts.Token));
        Assert.Equal(200, (await rest.GetAsync("users/@me")).Status);
    }

    [Fact]
    public async Task DisposeAsync_WithOpenGateway_ClosesSocketsAndReturns()
    {
        var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);

        // The guard only catches a hang (Kestrel's default 30 s drain); it is not a timing assertion.
        await emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(await gateway.WaitForCloseAsync());
    }

    [Fact]
    public async Task DisposeAsync_WithHungRequest_EndsItAndReturns()
    {
        var emulator = await DiscordEmulatorServer.StartAsync();
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);
        emulator.Faults.HangRequests(r => r.Route == "/users/@me");
        var hung = rest.GetAsync("users/@me");
        while (emulator.RequestsTotal == 0)
        {
            await Task.Delay(10);
        }

        // The guard only catches a hang (Kestrel's 30 s drain); it is not a timing assertion.
        await emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAnyAsync<Exception>(() => hung.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task RecordRequestsOff_CountsButKeepsNoLog()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { RecordRequests = false });
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);

        await rest.GetAsync("users/@me");

        Assert.Equal(1, emulator.RequestsTotal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task UnknownRoute_Returns404DiscordShape()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);

        var response = await rest.GetAsync("nope/nothing");

        Assert.Equal(404, response.Status);
        Assert.Equal(0, response.Code);
    }

    [Fact]
    public async Task InvalidJson_Returns50109()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var channel = emulator.AddGuild("alpha").AddTextChannel("a");
        using var rest = new RestTestClient(emulator.ApiBaseUrl, emulator.BotToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/{Id(channel.Id)}/messages")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await rest.SendAsync(request);

        Assert.Equal(50109, response.Code);
    }

    [Fact]
    public async Task DropFault_Connection_ClientSeesAbruptClose()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);

        emulator.Faults.DropConnections();

        Assert.Null(await gateway.WaitForCloseAsync());
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, (WebSocketCloseStatus?)gateway.CloseCode);
    }
}
