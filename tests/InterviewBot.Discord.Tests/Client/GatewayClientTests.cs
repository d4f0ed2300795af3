using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Client;

public sealed class GatewayClientTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Hello_SendsIdentifyWithTokenDefaultIntentsShardAndProperties()
    {
        await using var harness = new GatewayHarness();
        harness.Start();

        var transport = await harness.Factory.NextConnectionAsync();
        transport.ServerHello();
        var identify = await transport.NextSentAsync(op: 2);

        Assert.Equal("wss://gateway.test/?v=10&encoding=json", transport.Uri!.ToString());
        Assert.Equal(GatewayHarness.Token, identify.Data.GetProperty("token").GetString());
        Assert.Equal(1 | 512 | 1024 | 32768, identify.Data.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("InterviewBot", identify.Data.GetProperty("properties").GetProperty("browser").GetString());
        Assert.Equal(GatewayState.Connecting, harness.Client.State);
    }

    [Fact]
    public async Task Heartbeat_FirstAfterIntervalTimesJitter_ThenEveryIntervalWithLastSequence()
    {
        await using var harness = new GatewayHarness(jitter: 0.25);
        harness.Start();
        var transport = await harness.Factory.NextConnectionAsync();
        var helloAt = harness.Time.GetUtcNow();
        transport.ServerHello(1000);
        await transport.NextSentAsync(op: 2);

        harness.Time.Advance(TimeSpan.FromMilliseconds(249));
        await Task.Delay(20);
        Assert.False(transport.TryTakeSent(out _), "heartbeat before interval × jitter");
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var first = await transport.NextSentAsync(op: 1);

        Assert.Equal(helloAt.AddMilliseconds(250), first.At);
        Assert.Equal(JsonValueKind.Null, first.Data.ValueKind);

        transport.ServerReady(sequence: 7);
        await harness.Client.Events.ReadAsync();
        var second = await harness.AdvanceUntilSentAsync(transport, op: 1, Step);

        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(1));
        Assert.Equal(7, second.Data.GetInt64());
    }

    [Fact]
    public async Task HeartbeatAck_UpdatesLastAckWithLatency()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        harness.Factory.AutoAck = false;
        var transport = await harness.ConnectReadyAsync();
        var heartbeat = await harness.AdvanceUntilSentAsync(transport, op: 1, Step);

        harness.Time.Advance(TimeSpan.FromMilliseconds(40));
        transport.ServerSend("""{"op":11}""");
        for (var i = 0; i < 500 && harness.Client.LastHeartbeatAck is null; i++)
        {
            await Task.Delay(5);
        }

        var ack = harness.Client.LastHeartbeatAck;
        Assert.NotNull(ack);
        Assert.Equal(heartbeat.At.AddMilliseconds(40), ack.ReceivedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(40), ack.Latency);
        Assert.Equal(GatewayState.Ready, harness.Client.State);
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var harness = new GatewayHarness(jitter: 0.9);
        var transport = await harness.ConnectReadyAsync();

        transport.ServerSend("""{"op":1,"d":null}""");
        var heartbeat = await transport.NextSentAsync(op: 1);

        Assert.Equal(1, heartbeat.Data.GetInt64());
    }

    [Fact]
    public async Task NoAckBetweenHeartbeats_ClosesWithNon1000CodeAndResumes()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        harness.Factory.AutoAck = false;
        var transport = await harness.ConnectReadyAsync();
        await harness.AdvanceUntilSentAsync(transport, op: 1, Step);
        harness.Factory.AutoAck = true;

        var next = await harness.Factory.NextConnectionAsync(harness.Time, Step);

        Assert.NotNull(transport.ClientCloseCode);
        Assert.NotEqual(1000, transport.ClientCloseCode);
        Assert.NotEqual(1001, transport.ClientCloseCode);
        Assert.Equal("wss://resume.test/?v=10&encoding=json", next.Uri!.ToString());
        next.ServerHello();
        var resume = await next.NextSentAsync(op: 6);
        Assert.Equal(("session-abc", 1L, GatewayHarness.Token), (resume.Data.GetProperty("session_id").GetString(), resume.Data.GetProperty("seq").GetInt64(), resume.Data.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnResumeGatewayUrl()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();
        transport.ServerSendFixture("message_delete.json");
        await harness.Client.Events.ReadAsync();

        transport.ServerSendFixture("reconnect.json");
        var next = await harness.Factory.NextConnectionAsync();
        next.ServerHello();
        var resume = await next.NextSentAsync(op: 6);

        Assert.Equal(GatewayCloseCodes.ClientReconnect, transport.ClientCloseCode);
        Assert.Equal("wss://resume.test/?v=10&encoding=json", next.Uri!.ToString());
        Assert.Equal(12, resume.Data.GetProperty("seq").GetInt64());
        Assert.Equal(GatewayState.Resuming, harness.Client.State);

        next.ServerSendFixture("resumed.json");
        Assert.IsType<ResumedEvent>(await harness.Client.Events.ReadAsync());
        Assert.Equal(GatewayState.Ready, harness.Client.State);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerSend("""{"op":9,"d":true}""");
        var next = await harness.Factory.NextConnectionAsync();
        next.ServerHello();

        Assert.Equal(6, (await next.NextSentAsync()).Op);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesOnGatewayUrl()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        var transport = await harness.ConnectReadyAsync();
        var invalidAt = harness.Time.GetUtcNow();

        transport.ServerSendFixture("invalid_session.json");
        var next = await harness.Factory.NextConnectionAsync(harness.Time, Step);
        next.ServerHello();
        var identify = await harness.AdvanceUntilSentAsync(next, op: 2, Step);

        // 1-5 s of jitter (3 s with jitter 0.5), and never two identifies within 5 s.
        Assert.True(next.ConnectedAt - invalidAt >= TimeSpan.FromSeconds(3));
        Assert.True(identify.At - invalidAt >= TimeSpan.FromSeconds(5));
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", next.Uri!.ToString());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1006)]
    public async Task ResumableCloseCode_Resumes(int code)
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerClose(code);
        var next = await harness.Factory.NextConnectionAsync();
        next.ServerHello();

        Assert.Equal(6, (await next.NextSentAsync()).Op);
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task SessionEndingCloseCode_IdentifiesAgain(int code)
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerClose(code);
        var next = await harness.Factory.NextConnectionAsync(harness.Time, Step);
        next.ServerHello();

        Assert.Equal(2, (await harness.AdvanceUntilSentAsync(next, op: 2, Step)).Op);
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", next.Uri!.ToString());
    }

    [Theory]
    [InlineData(4004, "token")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "shard")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "Enable the Message Content privileged intent in the Developer Portal")]
    public async Task FatalCloseCode_StopsWithClearErrorAndNoRetry(int code, string hint)
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerClose(code);
        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(code, ex.CloseCode);
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayHarness.Token, ex.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayState.Stopped, harness.Client.State);
        Assert.Equal(1, harness.Factory.Created);
        var drained = await Assert.ThrowsAsync<GatewayFatalException>(async () => await harness.Client.Events.ReadAllAsync().CountAsync());
        Assert.Equal(code, drained.CloseCode);
    }

    [Fact]
    public async Task MalformedPayloads_AreSkippedAndTheLoopKeepsReceiving()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerSend("{");
        transport.ServerSend("not json at all");
        transport.ServerSend([0xC3, 0x28, 0xFF]);
        transport.ServerSend("""{"op":"zero"}""");
        transport.ServerSend("""{"op":0,"s":5,"t":"MESSAGE_CREATE","d":{"id":"x"}}""");
        transport.ServerSend("""{"op":0,"s":6,"t":"MESSAGE_CREATE","d":[]}""");
        transport.ServerSend("""{"op":42,"d":{}}""");
        transport.ServerSend("""{"op":0,"s":7,"t":"FUTURE_EVENT","d":{"x":1}}""");
        transport.ServerSend("""{"op":10,"d":{"heartbeat_interval":"soon"}}""");
        transport.ServerSendFixture("message_create.json");

        var message = Assert.IsType<MessageCreateEvent>(await harness.Client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("334385199974967042", message.Message.Id.ToString());
        Assert.Equal(1, harness.Factory.Created);
    }

    [Fact]
    public async Task MalformedInteraction_IsLoggedWithoutItsToken()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.ServerSend("""{"op":0,"s":9,"t":"INTERACTION_CREATE","d":{"application_id":"2","type":2,"token":"leak-me-interaction-token"}}""");
        transport.ServerSend("""{"op":0,"s":10,"t":"INTERACTION_CREATE","d":{"id":"3","application_id":"2","type":"two","token":"leak-me-too"}}""");
        transport.ServerSendFixture("message_delete.json");
        await harness.Client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        var lines = harness.Logger.Lines;
        Assert.Equal(2, lines.Count(l => l.Contains("malformed", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("leak-me", StringComparison.Ordinal) || l.Contains(GatewayHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FuzzedDispatches_NeverEndTheReceiveLoop()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();
        var random = new Random(4242);
        var fixtures = Fixture.All().Where(f => f.StartsWith("message", StringComparison.Ordinal) || f.StartsWith("interaction", StringComparison.Ordinal) || f.StartsWith("thread", StringComparison.Ordinal)).ToArray();
        var reader = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var gatewayEvent in harness.Client.Events.ReadAllAsync())
            {
                count++;
                if (gatewayEvent is MessageCreateEvent { Message.Content: "sentinel" })
                {
                    return count;
                }
            }

            return count;
        });

        for (var i = 0; i < 500; i++)
        {
            var mutated = DecoderFuzzTests.Mutate(Fixture.Text(fixtures[i % fixtures.Length]), random);
            // Mutations that turn a dispatch into a control opcode would legitimately reconnect; keep dispatches only.
            if (GatewayPayloadDecoder.TryDecodeEnvelope(mutated, out var envelope, out _) && envelope.Op != GatewayOpcode.Dispatch)
            {
                continue;
            }

            transport.ServerSend(mutated);
        }

        transport.ServerSend(Fixture.Text("message_create.json").Replace("A B-tree keeps keys sorted and balanced; **lookups** are O(log n). <@1100000000000000001>", "sentinel", StringComparison.Ordinal));

        Assert.True(await reader.WaitAsync(TimeSpan.FromSeconds(30)) >= 1);
        Assert.Equal(1, harness.Factory.Created);
    }

    [Fact]
    public async Task Dispatches_AreDeliveredInOrderWithShardIdUnderBackPressure()
    {
        await using var harness = new GatewayHarness(o => o.EventQueueCapacity = 1);
        var transport = await harness.ConnectReadyAsync();

        foreach (var name in new[] { "guild_create.json", "thread_create.json", "message_create.json", "message_reaction_add.json", "interaction_create_command.json" })
        {
            transport.ServerSendFixture(name);
        }

        var received = new List<GatewayEvent>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(await harness.Client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15)));
        }

        Assert.Collection(
            received,
            e => Assert.IsType<GuildCreateEvent>(e),
            e => Assert.IsType<ThreadCreateEvent>(e),
            e => Assert.IsType<MessageCreateEvent>(e),
            e => Assert.IsType<MessageReactionAddEvent>(e),
            e => Assert.IsType<InteractionCreateEvent>(e));
        Assert.All(received, e => Assert.Equal(0, e.ShardId));
    }

    [Fact]
    public async Task SlowConsumer_BlockedReceiveLoop_IsNotTakenForAZombie()
    {
        await using var harness = new GatewayHarness(o => o.EventQueueCapacity = 1, jitter: 0.5);
        var transport = await harness.ConnectReadyAsync();

        // Fill the channel (capacity 1) and block the receive loop on the second event; nobody reads.
        transport.ServerSendFixture("message_create.json");
        transport.ServerSendFixture("message_update.json");
        var heartbeats = 0;
        for (var i = 0; i < 2000 && heartbeats < 4; i++)
        {
            while (transport.TryTakeSent(out var sent))
            {
                heartbeats += sent.Op == 1 ? 1 : 0;
            }

            await Task.Delay(2);
            harness.Time.Advance(Step);
        }

        Assert.Equal(4, heartbeats);
        Assert.Null(transport.ClientCloseCode);
        Assert.Equal(1, harness.Factory.Created);
        Assert.IsType<MessageCreateEvent>(await harness.Client.Events.ReadAsync());
        Assert.IsType<MessageUpdateEvent>(await harness.Client.Events.ReadAsync());
    }

    [Fact]
    public async Task TwoShards_MaxConcurrencyOne_IdentifyFiveSecondsApart()
    {
        await using var harness = new GatewayHarness(
            o => { o.GatewayUrlOverride = null; o.ShardCount = null; },
            gatewayBot: () => new GatewayBotInfo { Url = "wss://gateway.test", Shards = 2, SessionStartLimit = new SessionStartLimit { MaxConcurrency = 1 } });
        harness.Start();
        var a = await harness.Factory.NextConnectionAsync();
        var b = await harness.Factory.NextConnectionAsync();
        a.ServerHello(45000);
        b.ServerHello(45000);

        var identifies = new List<SentPayload>();
        for (var i = 0; i < 2000 && identifies.Count < 2; i++)
        {
            foreach (var transport in new[] { a, b })
            {
                while (transport.TryTakeSent(out var sent))
                {
                    if (sent.Op == 2)
                    {
                        identifies.Add(sent);
                    }
                }
            }

            await Task.Delay(2);
            harness.Time.Advance(Step);
        }

        Assert.Equal(2, identifies.Count);
        Assert.Equal([0, 1], identifies.Select(p => p.Data.GetProperty("shard")[0].GetInt32()).Order());
        Assert.All(identifies, p => Assert.Equal(2, p.Data.GetProperty("shard")[1].GetInt32()));
        Assert.True((identifies[1].At - identifies[0].At).Duration() >= TimeSpan.FromSeconds(5));
        Assert.Equal(2, harness.Client.Shards.Count);
    }

    [Fact]
    public async Task SessionStartBudgetExhausted_WaitsForResetBeforeIdentifying()
    {
        await using var harness = new GatewayHarness(
            o => o.ShardCount = null,
            gatewayBot: () => new GatewayBotInfo { Url = "wss://gateway.test", Shards = 1, SessionStartLimit = new SessionStartLimit { Total = 1000, Remaining = 0, ResetAfter = 60_000, MaxConcurrency = 1 } });
        var start = harness.Time.GetUtcNow();
        harness.Start();

        var transport = await harness.Factory.NextConnectionAsync(harness.Time, TimeSpan.FromSeconds(1));

        Assert.True(transport.ConnectedAt - start >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task GatewayBot401_StopsWithTokenError()
    {
        await using var harness = new GatewayHarness(
            o => o.ShardCount = null,
            gatewayBot: () => throw new DiscordApiException(System.Net.HttpStatusCode.Unauthorized, 0, "401: Unauthorized", "GET gateway/bot"));
        harness.Start();

        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Contains("token", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Factory.Created);
    }

    [Fact]
    public async Task ConnectionError_ReconnectsWithBackoff()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        // A close without READY on the next connection counts as a failure: the one after waits (backoff).
        transport.ServerClose(1006);
        var second = await harness.Factory.NextConnectionAsync();
        var secondAt = second.ConnectedAt;
        second.ServerClose(1006);
        var third = await harness.Factory.NextConnectionAsync(harness.Time, Step);

        Assert.True(third.ConnectedAt - secondAt >= TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Cancellation_StopsCleanlyAndCompletesEvents()
    {
        var harness = new GatewayHarness();
        await harness.ConnectReadyAsync();

        await harness.DisposeAsync();

        Assert.True(harness.Run.IsCompletedSuccessfully);
        Assert.Equal(GatewayState.Stopped, harness.Client.State);
        Assert.True(harness.Client.Events.Completion.IsCompleted);
    }
}
