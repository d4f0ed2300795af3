using System.Diagnostics;
using System.Globalization;
using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// Runs every end-to-end measurement in one go and prints a Markdown table. The emulator runs in this process; the
/// bot (interviewbot.dll) and the latency ceiling (<see cref="EchoBot"/>) run as child processes over loopback.
/// Durations are scaled down for a shared 2-core machine (<c>--seconds</c> per load step, default 15).
/// </summary>
public static class EndToEndRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = LoadSetup.Option(args, "--seconds", 15);
        var guildCount = LoadSetup.Option(args, "--guilds", 1000);
        var answers = LoadSetup.Option(args, "--answers", 20_000);
        var answerLength = LoadSetup.Option(args, "--answer-chars", 300);
        var duration = TimeSpan.FromSeconds(seconds);
        int[] rates = [.. LoadSetup.OptionText(args, "--rates", "50,200,500").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))];
        var table = new ResultTable();
        if (args.Contains("--ingest-only"))
        {
            return await IngestLoad.RunStandaloneAsync(args);
        }

        if (args.Contains("--daily-only"))
        {
            await AddDailyAsync(args, table);
            Console.WriteLine();
            Console.WriteLine(table);
            return 0;
        }

        var data = Directory.CreateTempSubdirectory("interviewbot-bench-");
        try
        {
            await using var discord = await DiscordEmulatorServer.StartAsync(LoadSetup.GenerousLimits());
            var (askers, answerers) = LoadSetup.AddGuilds(discord, guildCount);
            Console.Error.WriteLine($"emulator ready with {guildCount} guilds; starting the bot");
            using var bot = LoadSetup.StartBot(discord, data);
            var startup = await MeasureStartupAsync(discord, bot, askers[0]);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var rssStartup = bot.ResidentMegabytes();
            Console.Error.WriteLine($"bot: READY {startup.Ready:0} ms, commands {startup.Commands:0} ms, first /ask ack {startup.FirstAck:0} ms, RSS {rssStartup:0} MB ({bot.ResidentBreakdown()})");

            await AckLoad.RunAsync(askers, 50, TimeSpan.FromSeconds(3)); // warm-up (JIT, pools), not reported
            await Task.Delay(TimeSpan.FromSeconds(2));
            var databasePath = Path.Combine(data.FullName, "interviewbot.db");
            var botLatency = new List<LatencySummary>();
            var postRates = new List<double>();
            foreach (var rate in rates)
            {
                var promptsBefore = BotDatabase.Count(databasePath, "prompts");
                var summary = await AckLoad.RunAsync(askers, rate, duration);
                // The posting behind the acknowledgements may lag; let it finish before the next step.
                var drain = await BotDatabase.WaitUntilSettledAsync(databasePath, "prompts", TimeSpan.FromMinutes(4));
                var posted = BotDatabase.Count(databasePath, "prompts") - promptsBefore;
                postRates.Add(posted / (duration + drain).TotalSeconds);
                Console.Error.WriteLine($"bot {summary}; {posted} questions posted, backlog drained {drain.TotalSeconds:0.0} s after the load");
                botLatency.Add(summary);
            }

            var rssAfterAsks = bot.ResidentMegabytes();
            var posters = LoadSetup.Posters(answerers);
            // Warm-up (the JIT's tier-up of the message path roughly doubles the CPU per answer of the first tens of
            // thousands of messages; see docs/performance.md, item 2), not reported.
            Console.Error.WriteLine($"ingest warm-up {await IngestLoad.RunAsync(databasePath, posters, answers / 2, answerLength, bot.Id)}");
            var ingest = await IngestLoad.RunAsync(databasePath, posters, answers, answerLength, bot.Id);
            Console.Error.WriteLine($"ingest {ingest}");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rssRound1 = bot.ResidentMegabytes();

            // A second round of the same traffic: resident memory should not keep growing.
            var round2Latency = await AckLoad.RunAsync(askers, 200, duration);
            await BotDatabase.WaitUntilSettledAsync(databasePath, "prompts", TimeSpan.FromMinutes(4));
            var ingest2 = await IngestLoad.RunAsync(databasePath, posters, answers, answerLength, bot.Id);
            Console.Error.WriteLine($"round 2 {round2Latency} {ingest2}");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rssRound2 = bot.ResidentMegabytes();
            Console.Error.WriteLine($"bot: RSS after round 2 {rssRound2:0} MB ({bot.ResidentBreakdown()})");
            var botViolations = discord.Violations.Count;
            await bot.StopAsync();
            foreach (var line in bot.Output.Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("warn", StringComparison.OrdinalIgnoreCase)).Take(20))
            {
                Console.Error.WriteLine("bot: " + line);
            }

            Console.Error.WriteLine("starting the echo bot (latency ceiling)");
            using var echo = ChildProcess.StartEchoBot(discord.BotToken, discord.ApiBaseUrl);
            var identifies = discord.IdentifyCount;
            await WaitUntilAsync(() => discord.IdentifyCount > identifies && discord.ConnectionCount > 0);
            var echoReady = Stopwatch.GetElapsedTime(echo.StartedTimestamp).TotalMilliseconds;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var rssEcho = echo.ResidentMegabytes();
            Console.Error.WriteLine($"echo bot: RSS {rssEcho:0} MB ({echo.ResidentBreakdown()})");
            await AckLoad.RunAsync(askers, 50, TimeSpan.FromSeconds(3));
            var echoLatency = new List<LatencySummary>();
            foreach (var rate in rates)
            {
                var summary = await AckLoad.RunAsync(askers, rate, duration);
                Console.Error.WriteLine($"echo {summary}");
                echoLatency.Add(summary);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            await echo.StopAsync();

            Console.Error.WriteLine("raw SQLite ceiling");
            var raw = await RawSqliteCeiling.MeasureAsync(data.FullName, answers, posters.Count, answerLength);
            var rawBatched = await RawSqliteCeiling.MeasureAsync(data.FullName, answers, posters.Count, answerLength, messagesPerTransaction: 256);

            for (var i = 0; i < rates.Length; i++)
            {
                var b = botLatency[i];
                var e = echoLatency[i];
                var isBar = rates[i] == 200;

                table.Add(
                    $"1. /ask ack at {rates[i]}/s ({seconds} s, achieved {ResultTable.F(b.AchievedRate, "0")}/s): p50 / p99 / max ms, missing",
                    $"{ResultTable.F(b.P50)} / {ResultTable.F(b.P99)} / {ResultTable.F(b.Max)}, {b.Missing}",
                    $"{ResultTable.F(e.P50)} / {ResultTable.F(e.P99)} / {ResultTable.F(e.Max)}, {e.Missing}",
                    $"p99 ×{ResultTable.F(b.P99 / e.P99, "0.00")}",
                    isBar ? "p99 ≤ 50 ms" : "",
                    isBar ? b.P99 <= 50 && b.Missing == 0 : null);
                table.Add($"1. questions posted per second behind the {rates[i]}/s acknowledgements (load + backlog)", ResultTable.F(postRates[i], "0"));
            }

            var store = await RawSqliteCeiling.MeasureAnswerStoreAsync(data.FullName, answers, posters.Count, answerLength, callers: 32);
            IngestLoad.AddRows(table, [ingest, ingest2], raw, rawBatched, answers, answerLength, store);
            table.Add($"4. RSS after start-up, full bank, {guildCount} guilds (MB)", ResultTable.F(rssStartup), ResultTable.F(rssEcho) + " echo bot", ResultTable.F(rssStartup / rssEcho, "0.00"), "≤ 100 MB", rssStartup <= 100);
            table.Add("4. RSS after round 1 (asks at 50/200/500/s + answers) (MB)", ResultTable.F(rssRound1), "", "", "≤ 100 MB", rssRound1 <= 100);
            table.Add("4. RSS after round 2 (same traffic again) (MB)", ResultTable.F(rssRound2), ResultTable.F(rssRound1) + " round 1", ResultTable.F(rssRound2 / rssRound1, "0.00"), "≤ 100 MB, no growth", rssRound2 <= 100 && rssRound2 <= rssRound1 * 1.1);
            table.Add("4. RSS after the /ask load only (MB)", ResultTable.F(rssAfterAsks));
            table.Add($"5. start-up to READY (ms, {guildCount} guilds)", ResultTable.F(startup.Ready, "0"), ResultTable.F(echoReady, "0") + " echo bot", ResultTable.F(startup.Ready / echoReady, "0.00"));
            table.Add("5. start-up to commands registered (ms)", ResultTable.F(startup.Commands, "0"));
            table.Add("5. start-up to first /ask acknowledged / question posted (ms)", $"{ResultTable.F(startup.FirstAck, "0")} / {ResultTable.F(startup.FirstPost, "0")}");
            table.Add("protocol violations seen by the emulator (bot run)", botViolations.ToString(CultureInfo.InvariantCulture));

            if (!args.Contains("--skip-daily"))
            {
                await AddDailyAsync(args, table);
            }

            Console.WriteLine();
            Console.WriteLine(table);
            return 0;
        }
        finally
        {
            LoadSetup.DeleteData(data);
        }
    }

    private static async Task AddDailyAsync(string[] args, ResultTable table)
    {
        var guilds = LoadSetup.Option(args, "--daily-guilds", 5000);
        var ceiling = LoadSetup.Option(args, "--daily-global", 250);
        var postsPerSecond = LoadSetup.Option(args, "--daily-posts-per-second", ceiling / 2);
        var workers = LoadSetup.Option(args, "--daily-workers", 16);
        var daily = await DailyFanOut.RunAsync(guilds, ceiling, postsPerSecond, workers);
        Console.Error.WriteLine($"daily {daily}");
        table.Add(
            $"3. daily fan-out: {guilds:N0} schedules in one minute, {daily.Posted:N0} posted, {daily.Requests:N0} requests in {ResultTable.F(daily.Seconds)} s (Daily:PostsPerSecond={postsPerSecond}, Workers={workers}): requests/s",
            ResultTable.F(daily.RequestsPerSecond, "0"),
            $"{daily.Ceiling} global limit",
            ResultTable.F(daily.RequestsPerSecond / daily.Ceiling * 100, "0") + " %",
            "≥ 90 %, zero 429",
            daily.RequestsPerSecond >= 0.9 * daily.Ceiling && daily.Count429 == 0 && daily.Posted == guilds);
        table.Add("3. 429 responses during the fan-out", daily.Count429.ToString(CultureInfo.InvariantCulture), "", "", "0", daily.Count429 == 0);
    }

    private sealed record Startup(double Ready, double Commands, double FirstAck, double FirstPost);

    private static async Task<Startup> MeasureStartupAsync(DiscordEmulatorServer discord, ChildProcess bot, EmulatedMember asker)
    {
        await discord.WaitForReadyAsync(TimeSpan.FromSeconds(60));
        var ready = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds;
        await WaitUntilAsync(() => discord.Commands.Any(c => c.Name == "ask"));
        var commands = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds;
        var handle = await asker.RunsCommandAsync("ask");
        await handle.WaitForResponseAsync(TimeSpan.FromSeconds(10));
        var ack = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds;
        await discord.WaitForMessageAsync(m => m.ChannelId == asker.DefaultChannel.Id && m.Author.Id == discord.Bot.Id, TimeSpan.FromSeconds(10));
        var post = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds;
        return new Startup(ready, commands, ack, post);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
