using System.Globalization;
using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// The real <c>interviewbot</c> process against a Discord emulator, for the crash matrix: <see cref="KillAt"/> arms a
/// <c>kill -9</c> on one REST request (before or after the emulator applies it), <see cref="RestartAsync"/> starts a new
/// process on the same data directory and the same emulator state, and <see cref="ScalarAsync"/> reads the bot's SQLite
/// database read-only while no process or the process writes it.
/// </summary>
internal sealed class CrashMatrixBot : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new();
    private RunningBot? _process;

    private CrashMatrixBot(DiscordEmulatorServer discord)
    {
        Discord = discord;
        Guild = discord.Guilds[0];
        Channel = Guild.Channel("interview");
    }

    public DiscordEmulatorServer Discord { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedMember Admin => Guild.Member("admin");

    public EmulatedMember Member(string name) => Guild.Member(name);

    /// <summary>How many processes were started (the first run and each restart).</summary>
    public int Starts { get; private set; }

    /// <summary>Output of the process now running (or last killed), for failure messages.</summary>
    public string Output => _process?.Output ?? "";

    public static async Task<CrashMatrixBot> StartAsync()
    {
        // Discord's default heartbeat: a restart never waits on it, and the killed session's zombie does not matter.
        var discord = await DiscordEmulatorServer.StartAsync(new EmulatorOptions());
        var guild = discord.AddGuild("Backend Club");
        guild.AddTextChannel("interview");
        guild.AddMember("alice");
        guild.AddMember("admin", Permissions.ManageGuild);
        var bot = new CrashMatrixBot(discord);
        try
        {
            await bot.StartProcessAsync();
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>
    /// Arms the crash: the next request matching <paramref name="match"/> kills the process at <paramref name="stage"/> and is
    /// never answered. <see cref="WaitUntilKilledAsync"/> waits for it.
    /// </summary>
    public void KillAt(Func<RestRequestInfo, bool> match, RequestStage stage)
    {
        var process = _process ?? throw new InvalidOperationException("no process to kill");
        Discord.Faults.InterceptRequests(match, stage, _ => process.Kill(), answer: false);
    }

    public async Task WaitUntilKilledAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("no process");
        await process.WaitForExitAsync(timeout);
        Assert.True(process.Killed, "the bot exited on its own before the kill:\n" + process.Output);
    }

    /// <summary>Starts a new process on the same data directory (the last one must be gone) and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("the previous process is still running");
        }

        _process?.Dispose();
        await StartProcessAsync();
    }

    /// <summary>Runs a slash command and returns the bot's (ephemeral) reply text.</summary>
    public async Task<string> RunAsync(EmulatedMember member, string command, params (string Name, object? Value)[] options)
    {
        var handle = await member.RunsCommandAsync(command, options);
        return await ReplyOfAsync(handle, "/" + command);
    }

    public async Task<string> ReplyOfAsync(InteractionHandle handle, string what)
    {
        try
        {
            var reply = await handle.WaitForMessageAsync(m => m.Content.Length > 0, TimeSpan.FromSeconds(60));
            return reply.Content;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{what}: no reply; bot output:\n{Output}", e);
        }
    }

    /// <summary>One value from the bot's database (or Quartz's, <c>quartz.db</c>), read-only; null when the row or value is missing.</summary>
    public async Task<object?> ScalarAsync(string sql, string database = "interviewbot.db")
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _data.File(database),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<long> CountAsync(string sql, string database = "interviewbot.db") => Convert.ToInt64(await ScalarAsync(sql, database), CultureInfo.InvariantCulture);

    /// <summary>Polls until <paramref name="condition"/> holds; a timeout names <paramref name="what"/> and shows the bot's output.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(45));
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"never: {what}; bot output:\n{Output}");
            }
        }
    }

    /// <summary>The bot's messages in a channel or thread (deleted ones excluded).</summary>
    public IReadOnlyList<EmulatedMessage> BotMessages(ulong channelId) => [.. Discord.Messages(channelId).Where(m => m.Author.IsBot && !m.Ephemeral)];

    public async ValueTask DisposeAsync()
    {
        _process?.Dispose();
        await Discord.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var identifies = Discord.IdentifyCount;
        var registrations = CommandRegistrations();
        _process = RunningBot.Start(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = Discord.BotToken,
            ["InterviewBot__Discord__ApiBaseUrl"] = Discord.ApiBaseUrl.ToString(),
            ["InterviewBot__DataDirectory"] = _data.Path,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__InterviewBot"] = "Information",
        });
        Starts++;
        using var cts = new CancellationTokenSource(StartTimeout);
        while (Discord.IdentifyCount == identifies || CommandRegistrations() == registrations)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"interviewbot exited with {Environment.NewLine}{_process.Output}");
            }

            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"interviewbot was not ready within {StartTimeout}; output:\n{_process.Output}");
            }
        }
    }

    private int CommandRegistrations() => Discord.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal));
}
