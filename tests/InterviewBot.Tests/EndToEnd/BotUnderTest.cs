using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Hosting;
using InterviewBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewBot.Tests.EndToEnd;

/// <summary>
/// The real bot host (the same <see cref="BotHost"/> the executable runs) connected over loopback sockets to a Discord
/// emulator with one guild, one text channel and a few members. Optionally on a controlled clock.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private BotUnderTest(DiscordEmulatorServer discord, TempDirectory data, IHost host, TimeProvider time)
    {
        Discord = discord;
        _data = data;
        Host = host;
        Time = time;
        Guild = discord.Guilds[0];
        Channel = Guild.Channel("interview");
    }

    public DiscordEmulatorServer Discord { get; }

    public IHost Host { get; private set; }

    public TimeProvider Time { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public string DataDirectory => _data.Path;

    public EmulatedMember Member(string name) => Guild.Member(name);

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<BotUnderTest> StartAsync(TimeProvider? time = null, Action<EmulatorOptions>? emulator = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var options = new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) };
        emulator?.Invoke(options);
        var discord = await DiscordEmulatorServer.StartAsync(options);
        var guild = discord.AddGuild("Backend Club");
        guild.AddTextChannel("interview");
        guild.AddMember("alice");
        guild.AddMember("bob");
        guild.AddMember("carol");
        guild.AddMember("dave");
        guild.AddMember("mod", DiscordEmulator.Permissions.ManageMessages | DiscordEmulator.Permissions.ManageThreads);
        var data = new TempDirectory();
        time ??= TimeProvider.System;
        var host = BuildHost(discord, data.Path, time, settings);
        var bot = new BotUnderTest(discord, data, host, time);
        await bot.StartHostAsync();
        return bot;
    }

    /// <summary>Stops the bot (as an operator would) and starts a new host on the same data directory.</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        await Host.StopAsync();
        Host.Dispose();
        Host = BuildHost(Discord, _data.Path, Time, settings);
        await StartHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await Host.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Host.Dispose();
        await Discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private static IHost BuildHost(DiscordEmulatorServer discord, string dataDirectory, TimeProvider time, IReadOnlyDictionary<string, string>? settings)
    {
        var args = new List<string>
        {
            $"--InterviewBot:Discord:Token={discord.BotToken}",
            $"--InterviewBot:Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            $"--InterviewBot:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        return BotHost.Build([.. args], services =>
        {
            services.AddSingleton(time);
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        });
    }

    private async Task StartHostAsync()
    {
        var identifiesBefore = Discord.IdentifyCount;
        var registrationsBefore = Discord.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal));
        await Host.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Discord.IdentifyCount == identifiesBefore
            || Discord.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)) == registrationsBefore)
        {
            await Task.Delay(20, cts.Token);
        }

        await Discord.WaitForReadyAsync(TimeSpan.FromSeconds(20));
    }
}
