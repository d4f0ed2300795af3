using System.Diagnostics;
using System.Diagnostics.Metrics;
using InterviewBot.Discord;
using InterviewBot.Discord.Gateway;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace InterviewBot.Tests.Reliability;

/// <summary>Answers arrive while the gateway connection is broken in every way Discord breaks it: none lost, none twice.</summary>
public sealed class GatewayFaultTests(ITestOutputHelper output)
{
    private const int Members = 50;
    private const int Threads = 20;
    private const int Messages = 5_000;
    private const int Faults = 100;

    [Fact]
    public async Task AnswerStream_HundredRandomGatewayFaults_EveryAnswerStoredExactlyOnce()
    {
        await using var bot = await BotUnderTest.StartAsync(emulator: o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(750);
            o.RateLimits.RouteLimit = 1_000; // the stream, not Discord's buckets, is under test here
            o.RateLimits.GlobalLimit = 1_000;
            o.ResumeBufferSize = 10_000;
        });
        var threads = new List<(ulong MessageId, ulong ThreadId)>();
        for (var i = 0; i < Threads; i++)
        {
            var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
            threads.Add((message.Id, thread.Id));
        }

        var members = Enumerable.Range(0, Members).Select(i => bot.Guild.AddMember($"member{i}")).ToList();
        var gateway = bot.Service<IDiscordGateway>();
        using var reconnects = new HostCounter(bot.Service<IMeterFactory>(), DiscordMetrics.MeterName, "discord.gateway.reconnects", "reason");
        var random = new Random(11);
        var injected = new Dictionary<string, int>(StringComparer.Ordinal);
        var expected = new Dictionary<(ulong Thread, ulong User), List<string>>();
        var clock = Stopwatch.StartNew();
        var bitten = Task.CompletedTask;

        for (var i = 0; i < Messages; i++)
        {
            if (i % (Messages / Faults) == 0)
            {
                // One fault per connection: the previous one must have been noticed (and the bot be back) before the next,
                // while members keep posting throughout.
                await bitten;
                await WaitUntilReadyAsync(gateway);
                var before = reconnects.Total;
                var fault = InjectRandomFault(bot, random);
                injected[fault] = injected.GetValueOrDefault(fault) + 1;
                bitten = WaitUntilNoticedAsync(bot, reconnects, before, restoreAcks: fault == "no-acks");
            }

            var member = members[random.Next(Members)];
            var thread = threads[random.Next(Threads)].ThreadId;
            var text = $"answer {i} from {member.User.Name}";
            await member.PostsAsync(thread, text);
            if (!expected.TryGetValue((thread, member.Id), out var texts))
            {
                expected[(thread, member.Id)] = texts = [];
            }

            texts.Add(text);
        }

        await bitten;
        await WaitUntilReadyAsync(gateway);
        var answers = bot.Service<IAnswerStore>();
        var prompts = bot.Service<IPromptStore>();
        var stored = new Dictionary<(ulong Thread, ulong User), Answer>();
        var streamed = clock.Elapsed;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            stored.Clear();
            foreach (var (messageId, threadId) in threads)
            {
                var prompt = (await prompts.FindByMessageAsync(messageId, CancellationToken.None))!;
                foreach (var answer in await answers.ListForPromptAsync(prompt.PromptId, CancellationToken.None))
                {
                    stored[(threadId, answer.UserId)] = answer;
                }
            }

            if (stored.Values.Sum(a => a.Parts.Count) >= Messages || cts.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        output.WriteLine($"stored {stored.Values.Sum(a => a.Parts.Count)} parts; stream {streamed.TotalSeconds:F1} s; "
            + $"missing {string.Join(", ", expected.SelectMany(e => e.Value.Except(stored.TryGetValue(e.Key, out var a) ? a.Parts.Select(p => p.Content) : [])).Take(20))}");
        output.WriteLine($"{Messages} messages, faults {string.Join(", ", injected.Select(f => $"{f.Key}×{f.Value}"))}, "
            + $"reconnects {string.Join(", ", reconnects.ByTag.Select(r => $"{r.Key}×{r.Value}"))}, {bot.Discord.IdentifyCount} identifies, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Faults, injected.Values.Sum());
        Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
        foreach (var (key, texts) in expected)
        {
            var parts = stored[key].Parts;
            Assert.Equal(texts, parts.Select(p => p.Content)); // every message once, in order: none lost, none twice
            Assert.All(parts, p => Assert.Null(p.DeletedAt));
        }

        Assert.Equal(Messages, stored.Values.Sum(a => a.Parts.Count));
        Assert.True(reconnects.Total >= Faults * 9 / 10, $"only {reconnects.Total} reconnects: the faults did not bite");
    }

    private static string InjectRandomFault(BotUnderTest bot, Random random)
    {
        var faults = bot.Discord.Faults;
        switch (random.Next(9))
        {
            case 0:
                faults.DropConnections();
                return "drop";
            case 1:
                faults.SendReconnect();
                return "op7";
            case 2:
                faults.SendInvalidSession(resumable: true);
                return "op9-true";
            case 3:
                faults.SendInvalidSession(resumable: false);
                return "op9-false";
            case 4:
                faults.AckHeartbeats = false;
                return "no-acks";
            case 5:
                faults.CloseGateway(1001);
                return "1001";
            case 6:
                faults.CloseGateway(4000);
                return "4000";
            case 7:
                faults.CloseGateway(4008);
                return "4008";
            default:
                faults.CloseGateway(4009);
                return "4009";
        }
    }

    /// <summary>Waits (at most 10 s) for the bot to count a reconnect after the fault.</summary>
    private static async Task WaitUntilNoticedAsync(BotUnderTest bot, HostCounter reconnects, long before, bool restoreAcks)
    {
        for (var waited = 0; waited < 2000 && reconnects.Total == before; waited++)
        {
            await Task.Delay(5);
        }

        if (restoreAcks)
        {
            bot.Discord.Faults.AckHeartbeats = true;
        }
    }

    private static async Task WaitUntilReadyAsync(IDiscordGateway gateway)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (gateway.State != GatewayState.Ready)
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
