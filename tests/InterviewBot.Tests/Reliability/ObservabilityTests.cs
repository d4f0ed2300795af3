using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using DiscordEmulator;
using InterviewBot.Discord;
using InterviewBot.Features.Daily;
using InterviewBot.Health;
using InterviewBot.Tests.Community;
using InterviewBot.Tests.Daily;
using InterviewBot.Tests.EndToEnd;
using InterviewBot.Tests.Infrastructure;

namespace InterviewBot.Tests.Reliability;

/// <summary>Structured logs (JSON in production, id scopes, no message contents) and the metrics instruments.</summary>
public sealed class ObservabilityTests
{
    private static readonly string[] InformationOrAbove = ["Information", "Warning", "Error", "Critical"];

    /// <summary>
    /// The real executable, as an operator runs it (Production environment, logs on stdout), against the emulator: a
    /// suggestion through the community form, /ask, an answer and its edit, the reveal. Every line is one JSON object;
    /// handler entries carry guild, channel and prompt ids as scopes; no entry at Information or above holds the text a
    /// member wrote.
    /// </summary>
    [Fact]
    public async Task StructuredLogs_ProductionExecutable_JsonLinesWithIdScopes_AndNoMessageContents()
    {
        await using var discord = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var guild = discord.AddGuild("Backend Club");
        var channel = guild.AddTextChannel("interview");
        var staff = guild.AddTextChannel("staff-review");
        var alice = guild.AddMember("alice");
        var owner = guild.AddMember("owner", Permissions.ManageGuild | Permissions.ManageMessages);
        using var data = new TempDirectory();
        var answerMarker = $"answer-{Guid.NewGuid():N}";
        var editMarker = $"edited-{Guid.NewGuid():N}";
        var suggestionMarker = $"suggested-{Guid.NewGuid():N}";

        using var process = BotProcess.Start([], new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["DISCORD_TOKEN"] = discord.BotToken,
            ["InterviewBot__Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["InterviewBot__DataDirectory"] = data.Path,
            ["Logging__LogLevel__Default"] = "Debug",
        });
        process.StandardInput.Close();
        var lines = new ConcurrentQueue<string>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Enqueue(line);
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        ulong threadId;
        ulong answerId;
        try
        {
            await discord.WaitForReadyAsync(TimeSpan.FromSeconds(30));
            await WaitUntilAsync(() => discord.Commands.Count > 0, "commands registered");

            var config = await owner.RunsCommandAsync("config review_channel", ("channel", staff));
            await config.WaitForMessageAsync(m => m.Content.Length > 0);
            var open = await alice.RunsCommandAsync("question suggest");
            Assert.Equal(9, (await open.WaitForResponseAsync()).Type);
            var submit = await alice.SubmitsModalAsync("community:suggest", CommunityScenario.Form(prompt: $"How would you shard {suggestionMarker} across regions?"));
            await submit.WaitForMessageAsync(m => m.Content.Length > 0);

            var ask = await alice.RunsCommandAsync("ask");
            await ask.WaitForMessageAsync(m => m.Content.Contains("Your question is up", StringComparison.Ordinal));
            var question = discord.Messages(channel.Id).Last(m => m.Embeds.Count > 0);
            threadId = question.Id; // a message's thread has the message's id
            await WaitUntilAsync(() => discord.Threads.Any(t => t.Id == threadId), "thread opened");
            var answer = await alice.PostsAsync(threadId, $"alice answers {answerMarker}: a cache keeps hot data close");
            answerId = answer.Id;
            await WaitUntilAsync(() => answer.ReactionsOf("✅").Count > 0, "answer acknowledged");
            await alice.EditsAsync(answer.Id, $"alice answers {editMarker}: TTL and eviction");
            var reveal = await alice.ClicksButtonAsync(question.Id, "prompt:reveal");
            await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

            // The console logger writes in order: once the reveal's entry is out, everything before it is too.
            await WaitUntilAsync(() => lines.Any(l => l.Contains("Revealed prompt", StringComparison.Ordinal)), "reveal logged");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await reading;
        }

        var entries = lines.Where(l => l.Length > 0).Select(l => (Line: l, Json: ParseObject(l))).ToList();
        Assert.All(entries, e => Assert.True(e.Json.TryGetProperty("LogLevel", out _) && e.Json.TryGetProperty("Category", out _) && e.Json.TryGetProperty("Timestamp", out _), e.Line));

        var posted = Assert.Single(entries, e => Category(e.Json) == "InterviewBot.Features.Ask.PromptPublisher" && Message(e.Json).StartsWith("Posted prompt", StringComparison.Ordinal)).Json;
        Assert.Equal("Information", posted.GetProperty("LogLevel").GetString());
        var promptId = Assert.Single(Scope(posted, LogScopes.PromptId));
        Assert.Contains(Id(guild.Id), Scope(posted, LogScopes.GuildId));
        Assert.Contains(Id(channel.Id), Scope(posted, LogScopes.ChannelId));
        Assert.NotEmpty(Scope(posted, "InteractionId")); // the dispatcher's scope encloses the handler's

        var revealed = Assert.Single(entries, e => Category(e.Json) == "InterviewBot.Features.Reveal.RevealService" && Message(e.Json).StartsWith("Revealed prompt", StringComparison.Ordinal)).Json;
        Assert.Equal([promptId], Scope(revealed, LogScopes.PromptId));
        Assert.Contains(Id(guild.Id), Scope(revealed, LogScopes.GuildId));
        Assert.Contains(Id(channel.Id), Scope(revealed, LogScopes.ChannelId));

        // The answer path (gateway message worker, not an interaction) has its own scopes: the thread is the channel.
        var stored = entries.Where(e => Category(e.Json) == "InterviewBot.Features.Answers.AnswerCollector" && Message(e.Json).StartsWith("Stored answer message", StringComparison.Ordinal)).Select(e => e.Json).ToList();
        Assert.Equal(2, stored.Count); // the message and its edit
        Assert.All(stored, s =>
        {
            Assert.Equal([promptId], Scope(s, LogScopes.PromptId));
            Assert.Contains(Id(guild.Id), Scope(s, LogScopes.GuildId));
            Assert.Contains(Id(threadId), Scope(s, LogScopes.ChannelId));
            Assert.Contains(Id(answerId), Scope(s, LogScopes.MessageId));
        });

        // Every feature entry at Information or above says which guild it is about.
        Assert.All(
            entries.Where(e => Category(e.Json).StartsWith("InterviewBot.Features.", StringComparison.Ordinal) && InformationOrAbove.Contains(e.Json.GetProperty("LogLevel").GetString())),
            e => Assert.True(Scope(e.Json, LogScopes.GuildId).Count > 0, e.Line));

        // No member text at Information or above, in any field (message, state, scopes, exceptions), nor on stderr.
        var visible = entries.Where(e => InformationOrAbove.Contains(e.Json.GetProperty("LogLevel").GetString())).Select(e => e.Line).Append(await errors).ToList();
        Assert.True(visible.Count > 5, "entries at Information were written");
        foreach (var marker in new[] { answerMarker, editMarker, suggestionMarker })
        {
            Assert.All(visible, l => Assert.DoesNotContain(marker, l, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A scripted flow (an /ask whose post meets a 429, an answer, the reveal button, a paused daily schedule's fire)
    /// moves every instrument of both meters, with the tags docs/reliability.md lists.
    /// </summary>
    [Fact]
    public async Task Metrics_ScriptedFlow_EveryInstrumentMovesWithItsTags()
    {
        await using var bot = await BotUnderTest.StartAsync();
        using var meters = new HostMeasurements(bot.Service<IMeterFactory>(), BotMetrics.MeterName, DiscordMetrics.MeterName);

        bot.Discord.Faults.RateLimitRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", TimeSpan.FromMilliseconds(50), times: 1);
        var (_, message, thread) = await RevealTests.AskAsync(bot, "alice");
        await bot.Member("alice").PostsAsync(thread.Id, "alice: a cache keeps hot data close; TTL and eviction");
        await RevealTests.WaitForAnswersAsync(bot, message.Id, expectedMembers: 1);
        var reveal = await bot.Member("alice").ClicksButtonAsync(message.Id, "prompt:reveal");
        await reveal.WaitForMessageAsync(m => m.Content.Contains("Revealed", StringComparison.Ordinal));

        var schedule = await DailyTestKit.SetupAsync(bot, "09:00", "UTC");
        await DailyTestKit.RunAsync(bot, DailyTestKit.Admin(bot), "daily pause");
        var fired = await bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, bot.Time.GetUtcNow().AddDays(1), DailyFireKind.Scheduled, CancellationToken.None);
        Assert.Equal(DailyPostOutcome.Skipped, fired.Outcome);

        // A handler is counted when it returns, just after its reply reached the member: let the last one (the pause) finish.
        await WaitUntilAsync(
            () => meters.Sum("interviewbot.interactions", ("kind", "ApplicationCommand")) >= 3 && meters.Sum("interviewbot.interactions", ("kind", "MessageComponent")) >= 1,
            "the ask, setup, pause and reveal handlers counted");

        // Bot meter.
        Assert.True(meters.Sum("interviewbot.gateway.events", ("event", "interaction")) >= 4); // ask, reveal, setup, pause
        Assert.True(meters.Sum("interviewbot.gateway.events", ("event", "message_create")) >= 1);
        Assert.True(meters.Sum("interviewbot.interactions", ("kind", "ApplicationCommand"), ("outcome", "ok")) >= 3);
        Assert.True(meters.Sum("interviewbot.interactions", ("kind", "MessageComponent"), ("outcome", "ok")) >= 1);
        Assert.Equal(0, meters.Sum("interviewbot.interactions", ("outcome", "failed")));
        Assert.True(meters.Matching("interviewbot.interactions.ack_latency", ("kind", "ApplicationCommand")).Count >= 3);
        Assert.NotEmpty(meters.Matching("interviewbot.interactions.ack_latency", ("kind", "MessageComponent")));
        Assert.All(meters.Matching("interviewbot.interactions.ack_latency"), m => Assert.True(m.Value >= 0));
        Assert.True(meters.Sum("interviewbot.answers.stored", ("late", "False")) >= 1);
        Assert.Equal(1, meters.Sum("interviewbot.posts", ("source", "Ask")));
        Assert.Equal(1, meters.Sum("interviewbot.posts.skipped", ("reason", "paused")));

        // Discord client meter.
        Assert.True(meters.Sum("discord.rest.requests", ("status", "200")) >= 1);
        Assert.True(meters.Sum("discord.rest.requests", ("status", "204")) >= 1);
        Assert.Equal(1, meters.Sum("discord.rest.requests", ("status", "429")));
        Assert.Equal(1, meters.Sum("discord.rest.rate_limited"));
        Assert.True(meters.Sum("discord.gateway.events", ("event", "INTERACTION_CREATE")) >= 4);
        Assert.True(meters.Sum("discord.gateway.events", ("event", "MESSAGE_CREATE")) >= 1);
    }

    private static JsonElement ParseObject(string line)
    {
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    private static string Category(JsonElement entry) => entry.GetProperty("Category").GetString() ?? "";

    private static string Message(JsonElement entry) => entry.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "";

    /// <summary>Every value of <paramref name="key"/> in the entry's scopes (outer scopes first).</summary>
    private static List<string> Scope(JsonElement entry, string key) =>
        !entry.TryGetProperty("Scopes", out var scopes)
            ? []
            : [.. scopes.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                .Select(s => s.GetProperty(key).GetString()!)
                .Distinct()];

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"waited 30 s for: {what}");
            }
        }
    }
}
