using System.Globalization;
using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>
/// What the full end-to-end run and <c>e2e --ingest-only</c> share: the emulator with generous limits, guilds with an
/// asker each and answering members in the first 64, the bot started against it, and the command-line options.
/// </summary>
public static class LoadSetup
{
    /// <summary>Guilds whose threads receive answers (item 2), each with this many answering members.</summary>
    public const int AnsweringGuilds = 64;

    public const int AnswerersPerGuild = 8;

    /// <summary>
    /// Items 1 and 2 measure the acknowledgement and the storage, not posting: the follow-up posts would otherwise queue
    /// behind Discord-sized buckets, so the emulator's limits (and the bot's own global limiter) are set generously.
    /// </summary>
    public static EmulatorOptions GenerousLimits()
    {
        var options = new EmulatorOptions { RecordRequests = false };
        options.RateLimits.RouteLimit = 1_000_000;
        options.RateLimits.GlobalLimit = 1_000_000;
        return options;
    }

    /// <summary>Adds <paramref name="count"/> guilds, each with an <c>interview</c> channel and an asker; the first 64 also get answerers.</summary>
    public static (List<EmulatedMember> Askers, List<(EmulatedGuild Guild, List<EmulatedMember> Members)> Answerers) AddGuilds(DiscordEmulatorServer discord, int count)
    {
        ArgumentNullException.ThrowIfNull(discord);
        var askers = new List<EmulatedMember>(count);
        var answerers = new List<(EmulatedGuild Guild, List<EmulatedMember> Members)>();
        for (var g = 0; g < count; g++)
        {
            var guild = discord.AddGuild("guild " + g.ToString(CultureInfo.InvariantCulture));
            guild.AddTextChannel("interview");
            askers.Add(guild.AddMember("asker"));
            if (g < AnsweringGuilds)
            {
                answerers.Add((guild, [.. Enumerable.Range(0, AnswerersPerGuild).Select(i => guild.AddMember("answerer" + i.ToString(CultureInfo.InvariantCulture)))]));
            }
        }

        return (askers, answerers);
    }

    /// <summary>Each answering member with the open thread of their guild's first question.</summary>
    public static List<(EmulatedMember Member, ulong ThreadId)> Posters(IEnumerable<(EmulatedGuild Guild, List<EmulatedMember> Members)> answerers) =>
        [.. answerers
            .Select(a => (a.Members, Thread: a.Guild.Threads.FirstOrDefault(t => !t.Archived)))
            .Where(a => a.Thread is not null)
            .SelectMany(a => a.Members.Select(m => (m, a.Thread!.Id)))];

    /// <summary>The real bot against the emulator, with the generous global limit and no ✅ reaction per answer.</summary>
    public static ChildProcess StartBot(DiscordEmulatorServer discord, DirectoryInfo data)
    {
        ArgumentNullException.ThrowIfNull(discord);
        ArgumentNullException.ThrowIfNull(data);
        var bot = ChildProcess.StartBot(
        [
            $"--InterviewBot:Discord:Token={discord.BotToken}",
            $"--InterviewBot:Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            "--InterviewBot:Discord:GlobalRequestsPerSecond=1000000",
            $"--InterviewBot:DataDirectory={data.FullName}",
            "--InterviewBot:AnswerReaction=",
            "--Logging:LogLevel:Default=Warning",
        ]);
        Console.Error.WriteLine($"bot pid {bot.Id}");
        return bot;
    }

    /// <summary>Removes a run's data directory once no pooled SQLite connection holds it; a leftover file is not an error.</summary>
    public static void DeleteData(DirectoryInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            data.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static string OptionText(string[] args, string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(args);
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
