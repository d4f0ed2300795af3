using System.Text.Json.Nodes;
using DiscordEmulator;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Emulator;

public sealed class GatewayTests
{
    private static int Op(JsonObject p) => p["op"]!.GetValue<int>();

    [Fact]
    public async Task Connect_Always_SendsHelloWithConfiguredInterval()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(1234) });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);

        var hello = await gateway.ReceiveAsync();

        Assert.Equal(10, Op(hello!));
        Assert.Equal(1234, hello!["d"]!["heartbeat_interval"]!.GetValue<int>());
    }

    [Fact]
    public async Task Identify_ValidToken_SendsReadyThenGuildCreatePerGuild()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var guild = emulator.AddGuild("alpha");
        var channel = guild.AddTextChannel("interview");
        guild.AddMember("alice");
        emulator.AddGuild("beta");
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);

        var ready = await gateway.IdentifyAsync(emulator.BotToken);
        var first = await gateway.ReceiveDispatchAsync("GUILD_CREATE");
        var second = await gateway.ReceiveDispatchAsync("GUILD_CREATE");

        Assert.Equal(10, ready["v"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(ready["session_id"]!.GetValue<string>()));
        Assert.Equal(emulator.GatewayUrl.ToString(), ready["resume_gateway_url"]!.GetValue<string>());
        Assert.Equal(emulator.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ready["application"]!["id"]!.GetValue<string>());
        Assert.Equal(2, ready["guilds"]!.AsArray().Count);
        Assert.All(ready["guilds"]!.AsArray(), g => Assert.True(g!["unavailable"]!.GetValue<bool>()));
        Assert.Equal("alpha", first["d"]!["name"]!.GetValue<string>());
        Assert.Contains(first["d"]!["channels"]!.AsArray(), c => c!["name"]!.GetValue<string>() == channel.Name);
        Assert.NotEmpty(first["d"]!["roles"]!.AsArray());
        Assert.Equal("beta", second["d"]!["name"]!.GetValue<string>());
        Assert.Equal(first["s"]!.GetValue<int>() + 1, second["s"]!.GetValue<int>());
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Heartbeat_WhenAcksEnabled_IsAcked()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendHeartbeatAsync();

        Assert.Equal(11, Op((await gateway.ReceiveAsync())!));
    }

    [Fact]
    public async Task Heartbeat_WhenAcksStopped_IsNotAcked()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        emulator.Faults.AckHeartbeats = false;
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendHeartbeatAsync();
        await gateway.SendIdentifyAsync(emulator.BotToken, 513);

        var next = await gateway.ReceiveAsync();
        Assert.Equal("READY", next!["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Heartbeat_FarLaterThanInterval_RecordsViolation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = time, HeartbeatInterval = TimeSpan.FromSeconds(10) });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        time.Advance(TimeSpan.FromSeconds(30));
        await gateway.SendHeartbeatAsync();
        await gateway.ReceiveAsync();

        Assert.Contains(emulator.Violations, v => v.Kind == "heartbeat-late");
    }

    [Fact]
    public async Task Heartbeat_OnInterval_RecordsNoViolation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = time, HeartbeatInterval = TimeSpan.FromSeconds(10) });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await gateway.SendHeartbeatAsync();
            await gateway.ReceiveAsync();
        }

        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Identify_WrongToken_Closes4004()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendIdentifyAsync("not-the-token", 513);

        Assert.Equal(4004, await gateway.WaitForCloseAsync());
    }

    [Fact]
    public async Task Identify_MessageContentNotAllowed_Closes4014()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { AllowedPrivilegedIntents = 0 });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendIdentifyAsync(emulator.BotToken, GatewayIntents.Guilds | GatewayIntents.MessageContent);

        Assert.Equal(4014, await gateway.WaitForCloseAsync());
    }

    [Fact]
    public async Task Identify_Twice_Closes4005AndRecordsViolation()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);

        await gateway.SendIdentifyAsync(emulator.BotToken, 513);

        Assert.Equal(4005, await gateway.WaitForCloseAsync());
        Assert.Contains(emulator.Violations, v => v.Kind == "identify-twice");
    }

    [Fact]
    public async Task Identify_BeforeHello_RecordsViolation()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = time, HelloDelay = TimeSpan.FromSeconds(5) });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);

        await gateway.SendIdentifyAsync(emulator.BotToken, 513);

        var violation = await WaitForViolationAsync(emulator, "identify-before-hello");
        Assert.NotNull(violation);
    }

    [Fact]
    public async Task Payload_Over4096Bytes_Closes4002AndRecordsViolation()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null, ["pad"] = new string('x', 5000) });

        Assert.Equal(4002, await gateway.WaitForCloseAsync());
        Assert.Contains(emulator.Violations, v => v.Kind == "payload-too-large");
    }

    [Fact]
    public async Task Sends_OverLimitPerWindow_Closes4008AndRecordsViolation()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { GatewaySendLimit = 5 });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        for (var i = 0; i < 6; i++)
        {
            await gateway.SendHeartbeatAsync();
        }

        Assert.Equal(4008, await gateway.WaitForCloseAsync());
        Assert.Contains(emulator.Violations, v => v.Kind == "gateway-rate-limit");
    }

    [Fact]
    public async Task Resume_AfterDrop_ReplaysMissedDispatchesThenResumed()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var guild = emulator.AddGuild("alpha");
        string sessionId;
        int seq;
        await using (var first = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl))
        {
            var ready = await first.IdentifyAsync(emulator.BotToken);
            sessionId = ready["session_id"]!.GetValue<string>();
            await first.ReceiveDispatchAsync("GUILD_CREATE");
            seq = first.LastSeq;
            emulator.Faults.DropConnections();
            Assert.Null(await first.WaitForCloseAsync());
        }

        var missed = guild.AddTextChannel("created-while-away");
        await using var second = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await second.ReceiveUntilAsync(p => Op(p) == 10);
        await second.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = sessionId, ["seq"] = seq },
        });

        var replayed = await second.ReceiveAsync();
        var resumed = await second.ReceiveAsync();

        Assert.Equal("CHANNEL_CREATE", replayed!["t"]!.GetValue<string>());
        Assert.Equal(seq + 1, replayed["s"]!.GetValue<int>());
        Assert.Equal(missed.Name, replayed["d"]!["name"]!.GetValue<string>());
        Assert.Equal("RESUMED", resumed!["t"]!.GetValue<string>());
        Assert.Equal(1, emulator.IdentifyCount);
    }

    [Fact]
    public async Task Resume_UnknownSession_SendsInvalidSessionFalse()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = "nope", ["seq"] = 3 },
        });

        var reply = await gateway.ReceiveAsync();
        Assert.Equal(9, Op(reply!));
        Assert.False(reply!["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task InvalidSessionFault_NotResumable_LaterResumeIsRefused()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var first = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        var ready = await first.IdentifyAsync(emulator.BotToken);

        emulator.Faults.SendInvalidSession(resumable: false);
        var op9 = await first.ReceiveUntilAsync(p => Op(p) == 9);
        await using var second = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await second.ReceiveAsync();
        await second.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["token"] = emulator.BotToken, ["session_id"] = ready["session_id"]!.DeepClone(), ["seq"] = first.LastSeq },
        });

        Assert.False(op9["d"]!.GetValue<bool>());
        var refused = await second.ReceiveAsync();
        Assert.Equal(9, Op(refused!));
        Assert.False(refused!["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReconnectFault_SendsOp7()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);

        emulator.Faults.SendReconnect();

        Assert.Equal(7, Op(await gateway.ReceiveUntilAsync(p => Op(p) == 7)));
    }

    [Fact]
    public async Task RequestHeartbeatFault_SendsOp1AndAnImmediateHeartbeatIsNoViolation()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatTolerance = TimeSpan.Zero });
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendHeartbeatAsync();
        await gateway.ReceiveAsync();

        emulator.Faults.RequestHeartbeat();
        var request = await gateway.ReceiveAsync();
        await gateway.SendHeartbeatAsync();
        await gateway.ReceiveAsync();

        Assert.Equal(1, Op(request!));
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task CloseFault_ChosenCode_ClientSeesIt()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);

        emulator.Faults.CloseGateway(4009);

        Assert.Equal(4009, await gateway.WaitForCloseAsync());
    }

    [Fact]
    public async Task Connect_WrongApiVersion_Closes4012()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl, "?v=9&encoding=json");

        Assert.Equal(4012, await gateway.WaitForCloseAsync());
    }

    [Fact]
    public async Task MessageCreate_WithoutMessageContentIntent_ArrivesWithEmptyContent()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var guild = emulator.AddGuild("alpha");
        var channel = guild.AddTextChannel("general");
        var alice = guild.AddMember("alice");
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken, GatewayIntents.Guilds | GatewayIntents.GuildMessages);

        await alice.PostsAsync(channel.Id, "secret answer");
        var created = await gateway.ReceiveDispatchAsync("MESSAGE_CREATE");

        Assert.Equal("", created["d"]!["content"]!.GetValue<string>());
        Assert.Equal("secret answer", emulator.Messages(channel.Id).Single().Content);
    }

    [Fact]
    public async Task Shards_TwoShards_EachGetsOnlyItsGuilds()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var guilds = Enumerable.Range(0, 6).Select(i => emulator.AddGuild($"g{i}")).ToList();
        await using var shard0 = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await shard0.ReceiveAsync();
        await shard0.SendIdentifyAsync(emulator.BotToken, 513, new JsonArray(0, 2));
        var ready0 = (await shard0.ReceiveDispatchAsync("READY"))["d"]!;

        var expected = guilds.Count(g => (g.Id >> 22) % 2 == 0);
        Assert.Equal(expected, ready0["guilds"]!.AsArray().Count);
        Assert.Equal(0, ready0["shard"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Identify_SecondWithinFiveSecondsWhenEnforced_GetsInvalidSession()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { EnforceIdentifyConcurrency = true });
        await using var first = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await first.IdentifyAsync(emulator.BotToken);
        await using var second = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await second.ReceiveAsync();

        await second.SendIdentifyAsync(emulator.BotToken, 513);

        var reply = await second.ReceiveAsync();
        Assert.Equal(9, Op(reply!));
        Assert.Equal(1, emulator.IdentifyCount);
    }

    [Fact]
    public async Task Connect_WithCompression_RecordsViolation()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl, "?v=10&encoding=json&compress=zlib-stream");

        await gateway.ReceiveAsync();

        Assert.Contains(emulator.Violations, v => v.Kind == "compression");
    }

    [Fact]
    public async Task Identify_GoodClient_LeavesNoViolations()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        emulator.AddGuild("alpha").AddTextChannel("general");
        await using var gateway = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await gateway.IdentifyAsync(emulator.BotToken);
        await gateway.ReceiveDispatchAsync("GUILD_CREATE");

        await gateway.SendHeartbeatAsync();
        await gateway.ReceiveUntilAsync(p => Op(p) == 11);

        Assert.Empty(emulator.Violations);
        Assert.Equal(["READY", "GUILD_CREATE"], emulator.DispatchedEvents);
    }

    private static async Task<ProtocolViolation?> WaitForViolationAsync(DiscordEmulatorServer emulator, string kind)
    {
        for (var i = 0; i < 500; i++)
        {
            if (emulator.Violations.FirstOrDefault(v => v.Kind == kind) is { } v)
            {
                return v;
            }

            await Task.Delay(10);
        }

        return null;
    }
}
