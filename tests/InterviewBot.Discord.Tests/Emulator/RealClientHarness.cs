using DiscordEmulator;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Discord.Tests.Emulator;

/// <summary>Our real REST and gateway clients wired to an emulator, with the gateway running in the background.</summary>
public sealed class RealClientHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly Task _run;

    private RealClientHarness(DiscordEmulatorServer emulator)
    {
        var options = Options.Create(new DiscordClientOptions { Token = emulator.BotToken, ApiBaseUrl = emulator.ApiBaseUrl.ToString() });
        var metrics = new DiscordMetrics();
        Rest = new DiscordRestClient(_http, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance, metrics);
        Gateway = new GatewayClient(Rest, options, new WebSocketGatewayTransportFactory(), TimeProvider.System, NullLogger<GatewayClient>.Instance, metrics);
        _run = Gateway.RunAsync(_stop.Token);
    }

    public DiscordRestClient Rest { get; }

    public GatewayClient Gateway { get; }

    public static RealClientHarness Start(DiscordEmulatorServer emulator) => new(emulator);

    /// <summary>The next gateway event of type <typeparamref name="T"/> that matches, skipping others.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? predicate = null)
        where T : GatewayEvent
    {
        while (true)
        {
            var e = await Gateway.Events.ReadAsync(_stop.Token);
            if (e is T typed && (predicate?.Invoke(typed) ?? true))
            {
                return typed;
            }
        }
    }

    /// <summary>Waits until a heartbeat ACK other than <paramref name="previous"/> is recorded.</summary>
    public async Task WaitForNewHeartbeatAckAsync(HeartbeatAck? previous)
    {
        while (Gateway.LastHeartbeatAck is not { } ack || ReferenceEquals(ack, previous))
        {
            await Task.Delay(20, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _http.Dispose();
    }
}
