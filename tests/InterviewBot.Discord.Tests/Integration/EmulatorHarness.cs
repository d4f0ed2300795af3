using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Discord.Tests.Integration;

/// <summary>
/// The real client (built by AddDiscordClient, real HttpClient and ClientWebSocket) against the emulator,
/// with a guild "alpha", a text channel "interview" and a member "alice".
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly ServiceProvider _services;

    private EmulatorHarness(DiscordEmulatorServer emulator, Action<DiscordClientOptions>? configureClient)
    {
        Emulator = emulator;
        Guild = emulator.AddGuild("alpha");
        Channel = Guild.AddTextChannel("interview");
        Alice = Guild.AddMember("alice");
        _services = new ServiceCollection()
            .AddLogging()
            .AddDiscordClient(o =>
            {
                o.Token = emulator.BotToken;
                o.ApiBaseUrl = emulator.ApiBaseUrl.ToString();
                o.UserAgentUrl = "https://example.org/interviewbot";
                configureClient?.Invoke(o);
            })
            .BuildServiceProvider();
        Rest = _services.GetRequiredService<IDiscordRestClient>();
        Gateway = _services.GetRequiredService<IDiscordGateway>();
    }

    public DiscordEmulatorServer Emulator { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedMember Alice { get; }

    public IDiscordRestClient Rest { get; }

    public IDiscordGateway Gateway { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configureEmulator = null, Action<DiscordClientOptions>? configureClient = null)
    {
        var options = new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(500) };
        configureEmulator?.Invoke(options);
        var emulator = await DiscordEmulatorServer.StartAsync(options);
        return new EmulatorHarness(emulator, configureClient);
    }

    /// <summary>Runs the gateway and waits for READY.</summary>
    public async Task<ReadyEvent> ConnectAsync()
    {
        Run = Gateway.RunAsync(_cts.Token);
        return await NextAsync<ReadyEvent>();
    }

    /// <summary>The next event of type <typeparamref name="T"/> that matches, skipping others.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : GatewayEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var gatewayEvent = await Gateway.Events.ReadAsync(timeout.Token);
            if (gatewayEvent is T typed && (match is null || match(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Reads events until every condition has matched one of them (in any order).</summary>
    public async Task<IReadOnlyList<GatewayEvent>> CollectUntilAllAsync(params Func<GatewayEvent, bool>[] conditions)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<GatewayEvent>();
        var pending = conditions.ToList();
        while (pending.Count > 0)
        {
            var gatewayEvent = await Gateway.Events.ReadAsync(timeout.Token);
            seen.Add(gatewayEvent);
            pending.RemoveAll(condition => condition(gatewayEvent));
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception ex) when (ex is OperationCanceledException or GatewayFatalException)
        {
            // Tests that expect a fatal stop assert on it themselves.
        }

        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        _cts.Dispose();
    }
}
