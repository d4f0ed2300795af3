using System.Diagnostics;
using System.Globalization;
using DiscordEmulator;
using InterviewBot.Core.Scheduling;
using InterviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// Daily fan-out: <c>guilds</c> schedules (one per guild, UTC) share one minute. The schedules are written into the
/// bot's database before it starts (the bot's own start-up creates their Quartz triggers), the emulator enforces a
/// global limit of <c>globalLimit</c> requests per second and its default per-route buckets, and the bot is told the
/// same global budget. Measured: REST requests per second from the first post to the last thread, over that ceiling,
/// and the 429s the emulator answered.
/// </summary>
public static class DailyFanOut
{
    public sealed record Result(int Guilds, int Posted, long Requests, double Seconds, double RequestsPerSecond, int Ceiling, long Count429, double StartupSeconds);

    public static async Task<Result> RunAsync(int guildCount, int globalLimit, double postsPerSecond, int workers)
    {
        var data = Directory.CreateTempSubdirectory("interviewbot-daily-");
        try
        {
            var options = new EmulatorOptions { RecordRequests = false };
            options.RateLimits.GlobalLimit = globalLimit;
            await using var discord = await DiscordEmulatorServer.StartAsync(options);
            var channels = new List<(ulong Guild, ulong Channel)>(guildCount);
            for (var g = 0; g < guildCount; g++)
            {
                var guild = discord.AddGuild("daily guild " + g.ToString(CultureInfo.InvariantCulture));
                channels.Add((guild.Id, guild.AddTextChannel("interview").Id));
            }

            // Fire at the first whole minute at least 150 s away: time for start-up to create every trigger.
            var now = DateTimeOffset.UtcNow;
            var fire = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            while (fire - now < TimeSpan.FromSeconds(150))
            {
                fire = fire.AddMinutes(1);
            }

            var databasePath = Path.Combine(data.FullName, "interviewbot.db");
            await SeedAsync(databasePath, channels, TimeOnly.FromTimeSpan(fire.UtcDateTime.TimeOfDay));
            Console.Error.WriteLine($"daily: {guildCount} schedules at {fire:HH:mm} UTC; starting the bot");
            using var bot = ChildProcess.StartBot(
            [
                $"--InterviewBot:Discord:Token={discord.BotToken}",
                $"--InterviewBot:Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                $"--InterviewBot:Discord:GlobalRequestsPerSecond={globalLimit}",
                $"--InterviewBot:Daily:PostsPerSecond={postsPerSecond.ToString(CultureInfo.InvariantCulture)}",
                $"--InterviewBot:Daily:Workers={workers}",
                $"--InterviewBot:DataDirectory={data.FullName}",
                "--InterviewBot:AnswerReaction=",
                "--Logging:LogLevel:Default=Warning",
                .. ExtraBotArguments(),
            ]);
            await discord.WaitForReadyAsync(TimeSpan.FromSeconds(120));
            var startup = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalSeconds;
            var wait = fire - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var baseline = discord.RequestsTotal;
            var baseline429 = discord.Count429;
            long? firstTimestamp = null;
            long lastChange = 0;
            var lastCount = baseline;
            var deadline = Stopwatch.StartNew();
            var progress = new Progress(data.FullName, fire, discord.RequestsTotal);
            while (deadline.Elapsed < TimeSpan.FromMinutes(8))
            {
                await Task.Delay(50);
                progress.Report(discord.RequestsTotal, discord.Count429, discord.Threads.Count);
                var count = discord.RequestsTotal;
                if (count != lastCount)
                {
                    firstTimestamp ??= Stopwatch.GetTimestamp();
                    lastChange = Stopwatch.GetTimestamp();
                    lastCount = count;
                }

                if (discord.Threads.Count >= guildCount || (firstTimestamp is not null && Stopwatch.GetElapsedTime(lastChange) > TimeSpan.FromSeconds(10)))
                {
                    break;
                }
            }

            var seconds = firstTimestamp is { } first ? Stopwatch.GetElapsedTime(first, lastChange).TotalSeconds : double.NaN;
            var requests = discord.RequestsTotal - baseline;
            var result = new Result(guildCount, discord.Threads.Count, requests, seconds, requests / seconds, globalLimit, discord.Count429 - baseline429, startup);
            await bot.StopAsync();
            foreach (var line in bot.Output.Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("warn", StringComparison.OrdinalIgnoreCase)).Take(10))
            {
                Console.Error.WriteLine("bot: " + line);
            }

            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Settings for experiments without a rebuild: <c>DAILY_FANOUT_BOT_ARGS="--InterviewBot:Scheduler:Threads=10 ..."</c>
    /// (the child process does not inherit <c>InterviewBot__*</c> variables).
    /// </summary>
    private static string[] ExtraBotArguments() =>
        Environment.GetEnvironmentVariable("DAILY_FANOUT_BOT_ARGS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>
    /// Once a second on stderr: how far Quartz got (triggers moved on to the next day), how many posts the bot claimed
    /// in its ledger, requests in that second and in total, 429s and threads, so a slow fan-out shows which stage lags.
    /// </summary>
    private sealed class Progress(string dataDirectory, DateTimeOffset fire, long requestsAtStart)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;
        private readonly long _start = requestsAtStart;
        private long _lastRequests = requestsAtStart;

        public void Report(long requests, long count429, int threads)
        {
            if (_clock.Elapsed - _last < TimeSpan.FromSeconds(1))
            {
                return;
            }

            _last = _clock.Elapsed;
            var sinceFire = DateTimeOffset.UtcNow - fire;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"daily t={sinceFire.TotalSeconds,6:F1}s quartz fired {QuartzFired(),5} claimed {Count("interviewbot.db", "SELECT count(*) FROM daily_posts"),5} requests +{requests - _lastRequests,4} ={requests - _start,6} 429s {count429} threads {threads}"));
            _lastRequests = requests;
        }

        private long QuartzFired() =>
            Count("quartz.db", "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'daily' AND next_fire_time > " + fire.UtcTicks.ToString(CultureInfo.InvariantCulture));

        private long Count(string file, string sql)
        {
            try
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, file)};Mode=ReadOnly;Pooling=False");
                connection.Open();
                using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant queries of this program
                command.CommandText = sql;
#pragma warning restore CA2100
                return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Busy or not created yet: the progress line is diagnostics only.
                return -1;
            }
        }
    }

    private static async Task SeedAsync(string databasePath, List<(ulong Guild, ulong Channel)> channels, TimeOnly at)
    {
        var services = new ServiceCollection().AddLogging().AddInterviewBotStorage(databasePath);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var store = provider.GetRequiredService<IDailyScheduleStore>();
        foreach (var (guild, channel) in channels)
        {
            _ = await store.TryCreateAsync(
                new DailySchedule { GuildId = guild, Name = "daily", ChannelId = channel, LocalTime = at, TimeZone = "UTC", Weekdays = WeekdaySet.EveryDay },
                CancellationToken.None) ?? throw new InvalidOperationException("schedule not created");
        }
    }
}
