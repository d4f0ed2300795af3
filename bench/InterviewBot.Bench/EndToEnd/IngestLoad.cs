using System.Diagnostics;
using System.Globalization;
using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// Answer ingestion: members post <c>count</c> messages into open prompt threads as fast as the emulator can send
/// MESSAGE_CREATE, and the driver watches the bot's database (a read-only connection; WAL lets it read while the bot
/// writes) until every part is stored.
/// </summary>
public static class IngestLoad
{
    /// <summary>
    /// <c>e2e --ingest-only [--answers N] [--answer-chars C] [--rounds R] [--warm-up W]</c>: item 2 alone. The bot serves
    /// 64 guilds with 8 answering members each; a few /ask per guild open the threads; one unreported warm-up round of W
    /// messages (default N: the JIT's tiered compilation of the message path costs the first tens of thousands of messages
    /// about twice the CPU of later ones), then R rounds of N messages; then, with the bot stopped, the two raw ceilings.
    /// </summary>
    public static async Task<int> RunStandaloneAsync(string[] args)
    {
        var answers = LoadSetup.Option(args, "--answers", 20_000);
        var answerLength = LoadSetup.Option(args, "--answer-chars", 300);
        var rounds = LoadSetup.Option(args, "--rounds", 2);
        var warmUp = LoadSetup.Option(args, "--warm-up", answers);
        var data = Directory.CreateTempSubdirectory("interviewbot-ingest-");
        try
        {
            await using var discord = await DiscordEmulatorServer.StartAsync(LoadSetup.GenerousLimits());
            var (askers, answerers) = LoadSetup.AddGuilds(discord, LoadSetup.AnsweringGuilds);
            using var bot = LoadSetup.StartBot(discord, data);
            await discord.WaitForReadyAsync(TimeSpan.FromSeconds(60));
            using (var registered = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (!discord.Commands.Any(c => c.Name == "ask"))
                {
                    await Task.Delay(20, registered.Token);
                }
            }

            var databasePath = Path.Combine(data.FullName, "interviewbot.db");
            await AckLoad.RunAsync(askers, 64, TimeSpan.FromSeconds(2));
            await BotDatabase.WaitUntilSettledAsync(databasePath, "prompts", TimeSpan.FromMinutes(2));
            var posters = LoadSetup.Posters(answerers);
            Console.Error.WriteLine($"{posters.Count} posters in {posters.Count / LoadSetup.AnswerersPerGuild} threads");
            Console.Error.WriteLine($"warm-up {await RunAsync(databasePath, posters, warmUp, answerLength, bot.Id)}");
            var results = new List<Result>();
            for (var r = 0; r < rounds; r++)
            {
                var result = await RunAsync(databasePath, posters, answers, answerLength, bot.Id);
                Console.Error.WriteLine($"round {r + 1} {result}");
                results.Add(result);
            }

            await bot.StopAsync();
            Console.Error.WriteLine("raw SQLite ceilings");
            var raw = await RawSqliteCeiling.MeasureAsync(data.FullName, answers, posters.Count, answerLength);
            var rawBatched = await RawSqliteCeiling.MeasureAsync(data.FullName, answers, posters.Count, answerLength, messagesPerTransaction: 256);
            var store = await RawSqliteCeiling.MeasureAnswerStoreAsync(data.FullName, answers, posters.Count, answerLength, callers: 32);
            var table = new ResultTable();
            AddRows(table, results, raw, rawBatched, answers, answerLength, store);
            Console.WriteLine();
            Console.WriteLine(table);
            return 0;
        }
        finally
        {
            LoadSetup.DeleteData(data);
        }
    }

    /// <summary>Item 2's rows: each round against the per-message ceiling (the bar) and the batched one (for reference).</summary>
    public static void AddRows(
        ResultTable table,
        IReadOnlyList<Result> rounds,
        RawSqliteCeiling.Result rawCeiling,
        RawSqliteCeiling.Result rawBatchedCeiling,
        int answers,
        int answerLength,
        RawSqliteCeiling.Result? answerStore = null)
    {
        ArgumentNullException.ThrowIfNull(rawCeiling);
        ArgumentNullException.ThrowIfNull(rawBatchedCeiling);
        var raw = rawCeiling.Rate;
        var rawBatched = rawBatchedCeiling.Rate;
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rounds);
        for (var r = 0; r < rounds.Count; r++)
        {
            var ingest = rounds[r];
            table.Add(
                r == 0
                    ? $"2. answers stored per second ({answers:N0} messages of {answerLength} chars, offered {ResultTable.F(ingest.OfferedRate, "0")}/s)"
                    : $"2{(char)('a' + r)}. same, round {r + 1} (offered {ResultTable.F(ingest.OfferedRate, "0")}/s)",
                ResultTable.F(ingest.StoredRate, "0"),
                ResultTable.F(raw, "0") + " raw inserts/s, one transaction per message",
                ResultTable.F(ingest.StoredRate / raw * 100, "0") + " %",
                r == 0 ? "≥ 50 % and ≥ 5,000/s" : "",
                ingest.StoredRate >= 0.5 * raw && ingest.StoredRate >= 5000);
        }

        var best = rounds.Max(r => r.StoredRate);
        table.Add(
            "2. best round against raw batched inserts (256 messages per transaction, no savepoints; for reference, not the bar)",
            ResultTable.F(best, "0"),
            ResultTable.F(rawBatched, "0") + " raw batched inserts/s",
            ResultTable.F(best / rawBatched * 100, "0") + " %");
        for (var r = 0; r < rounds.Count; r++)
        {
            table.Add(
                $"2. round {r + 1}: bot CPU time per answer stored (µs; the ceilings: the raw loop's CPU per insert, per message / batched)",
                ResultTable.F(rounds[r].BotCpuPerAnswer, "0"),
                $"{ResultTable.F(rawCeiling.CpuPerMessage, "0")} / {ResultTable.F(rawBatchedCeiling.CpuPerMessage, "0")}",
                ResultTable.F(rounds[r].BotCpuPerAnswer / rawCeiling.CpuPerMessage, "0.00") + " × per message");
        }

        if (answerStore is not null)
        {
            table.Add(
                "2. the answer store alone (no gateway): 32 concurrent callers through the single writer, answers/s; CPU µs per answer",
                $"{ResultTable.F(answerStore.Rate, "0")}; {ResultTable.F(answerStore.CpuPerMessage, "0")} µs",
                $"{ResultTable.F(raw, "0")} per message / {ResultTable.F(rawBatched, "0")} batched",
                $"{ResultTable.F(answerStore.Rate / raw * 100, "0")} % / {ResultTable.F(answerStore.Rate / rawBatched * 100, "0")} %");
        }
    }

    /// <summary>
    /// One round. <c>BotCpuPerAnswer</c>: the bot process's CPU time (user + system, from /proc) during the round over
    /// the answers stored, in microseconds; NaN without a bot process id. On a shared, loaded machine the wall-clock rate
    /// depends on how much CPU the other processes leave; the CPU cost per answer much less.
    /// </summary>
    public sealed record Result(int Count, double OfferedRate, double StoredRate, int Stored, double BotCpuPerAnswer = double.NaN);

    public static async Task<Result> RunAsync(string databasePath, IReadOnlyList<(EmulatedMember Member, ulong ThreadId)> posters, int count, int contentLength, int? botProcessId = null)
    {
        var before = BotDatabase.Count(databasePath, "answer_parts");
        var cpuBefore = ProcessCpuTime(botProcessId);
        var content = GeneratedBank.Answer(11, contentLength);
        var clock = Stopwatch.StartNew();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < count; i += 4)
            {
                var (member, thread) = posters[i % posters.Count];
                await member.PostsAsync(thread, content);
            }
        })).ToArray();
        var stored = 0;
        var deadline = TimeSpan.FromSeconds(120);
        var offered = double.NaN;
        while (clock.Elapsed < deadline)
        {
            if (double.IsNaN(offered) && producers.All(p => p.IsCompleted))
            {
                await Task.WhenAll(producers);
                offered = count / clock.Elapsed.TotalSeconds;
            }

            stored = BotDatabase.Count(databasePath, "answer_parts") - before;
            if (stored >= count)
            {
                break;
            }

            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = ProcessCpuTime(botProcessId) - cpuBefore;
        return new Result(count, offered, stored / elapsed, stored, cpu is { } used ? used.TotalMicroseconds / stored : double.NaN);
    }

    /// <summary>User + system CPU time of a process (Linux /proc, in clock ticks of 10 ms), or null.</summary>
    public static TimeSpan? ProcessCpuTime(int? processId)
    {
        if (processId is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        // Fields after the command name (which may contain spaces) start at ") "; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
