using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>A GatewayClient over fake transports, a fake clock and fixed jitter.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "MTEw.gateway-secret-token";

    private readonly CancellationTokenSource _cts = new();

    public GatewayHarness(Action<DiscordClientOptions>? configure = null, double jitter = 0.25, Func<GatewayBotInfo>? gatewayBot = null)
    {
        Factory = new FakeGatewayTransportFactory(Time);
        Options = new DiscordClientOptions { Token = Token, GatewayUrlOverride = "wss://gateway.test", ShardCount = 1 };
        configure?.Invoke(Options);
        Metrics = new DiscordMetrics();
        Client = new GatewayClient(
            new StubRestClient(gatewayBot ?? (() => new GatewayBotInfo { Url = "wss://gateway.test" })),
            Microsoft.Extensions.Options.Options.Create(Options),
            Factory,
            Time,
            Logger,
            Metrics,
            new FixedRandom(jitter));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ListLogger<GatewayClient> Logger { get; } = new();

    public FakeGatewayTransportFactory Factory { get; }

    public DiscordClientOptions Options { get; }

    public DiscordMetrics Metrics { get; }

    public GatewayClient Client { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public void Start() => Run = Client.RunAsync(_cts.Token);

    /// <summary>Connects, answers Hello and READY; returns the connection after the Identify.</summary>
    public async Task<FakeGatewayTransport> ConnectReadyAsync(int intervalMs = 1000)
    {
        Start();
        var transport = await Factory.NextConnectionAsync();
        transport.ServerHello(intervalMs);
        await transport.NextSentAsync(op: 2);
        transport.ServerReady();
        var ready = await Client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.IsType<ReadyEvent>(ready);
        return transport;
    }

    /// <summary>Advances the fake clock step by step until the transport sends an op.</summary>
    public async Task<SentPayload> AdvanceUntilSentAsync(FakeGatewayTransport transport, int op, TimeSpan step)
    {
        for (var i = 0; i < 2000; i++)
        {
            while (transport.TryTakeSent(out var sent))
            {
                if (sent.Op == op)
                {
                    return sent;
                }
            }

            await Task.Delay(2);
            Time.Advance(step);
        }

        throw new TimeoutException($"op {op} was never sent");
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is OperationCanceledException or GatewayFatalException)
        {
            // Tests assert on the run's outcome themselves.
        }

        _cts.Dispose();
        Metrics.Dispose();
    }
}
