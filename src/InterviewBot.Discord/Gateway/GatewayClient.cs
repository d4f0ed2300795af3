using System.Net;
using System.Threading.Channels;
using InterviewBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Discord.Gateway;

/// <summary>
/// Runs every shard of the bot in this process and merges their events into one bounded channel.
/// Shard count and identify concurrency come from GET /gateway/bot unless configured.
/// </summary>
public sealed partial class GatewayClient : IDiscordGateway
{
    private readonly IDiscordRestClient _rest;
    private readonly DiscordClientOptions _options;
    private readonly IGatewayTransportFactory _transportFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayClient> _logger;
    private readonly DiscordMetrics _metrics;
    private readonly Random _random;
    private readonly Channel<GatewayEvent> _events;
    private volatile IReadOnlyList<GatewayShard> _shards = [];
    private volatile bool _stopped;
    private int _running;

    public GatewayClient(IDiscordRestClient rest, IOptions<DiscordClientOptions> options, IGatewayTransportFactory transportFactory, TimeProvider time, ILogger<GatewayClient> logger, DiscordMetrics metrics)
        : this(rest, options, transportFactory, time, logger, metrics, Random.Shared)
    {
    }

    internal GatewayClient(IDiscordRestClient rest, IOptions<DiscordClientOptions> options, IGatewayTransportFactory transportFactory, TimeProvider time, ILogger<GatewayClient> logger, DiscordMetrics metrics, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _options = options.Value;
        _transportFactory = transportFactory ?? throw new ArgumentNullException(nameof(transportFactory));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _events = Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(Math.Max(1, _options.EventQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<GatewayEvent> Events => _events.Reader;

    public GatewayState State
    {
        get
        {
            if (_stopped)
            {
                return GatewayState.Stopped;
            }

            var shards = _shards;
            if (shards.Count == 0)
            {
                return Volatile.Read(ref _running) == 1 ? GatewayState.Connecting : GatewayState.Disconnected;
            }

            var states = shards.Select(s => s.State).ToList();
            return states.All(s => s == GatewayState.Ready) ? GatewayState.Ready
                : states.Contains(GatewayState.Resuming) ? GatewayState.Resuming
                : states.Contains(GatewayState.Connecting) ? GatewayState.Connecting
                : GatewayState.Disconnected;
        }
    }

    public HeartbeatAck? LastHeartbeatAck
    {
        get
        {
            var shards = _shards;
            if (shards.Count == 0)
            {
                return null;
            }

            HeartbeatAck? oldest = null;
            foreach (var shard in shards)
            {
                if (shard.LastHeartbeatAck is not { } ack)
                {
                    return null;
                }

                if (oldest is null || ack.ReceivedAt < oldest.ReceivedAt)
                {
                    oldest = ack;
                }
            }

            return oldest;
        }
    }

    public IReadOnlyList<GatewayShardStatus> Shards => [.. _shards.Select(s => s.Status)];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The gateway is already running.");
        }

        Exception? failure = null;
        try
        {
            var (url, shardCount, maxConcurrency) = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            LogStarting(shardCount, maxConcurrency);
            var throttle = new IdentifyThrottle(_time, maxConcurrency);
            var shards = Enumerable.Range(0, shardCount)
                .Select(id => new GatewayShard(id, shardCount, url, _options, _transportFactory, throttle, _events.Writer, _time, _random, _logger, _metrics))
                .ToList();
            _shards = shards;

            using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = shards.Select(shard => RunShardAsync(shard, stopAll)).ToList();
            await Task.WhenAll(running).ConfigureAwait(false);
            failure = running.Select(t => t.Result).FirstOrDefault(e => e is not null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown requested.
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            failure = ex is DiscordApiException { StatusCode: HttpStatusCode.Unauthorized }
                ? new GatewayFatalException(GatewayCloseCodes.AuthenticationFailed, "Discord rejected the bot token (GET /gateway/bot returned 401). Reset the token in the Developer Portal → Bot and update the configured token.")
                : new GatewayFatalException($"Could not discover the gateway: {ex.Message}", ex);
        }
        finally
        {
            _stopped = true;
            _events.Writer.TryComplete(failure);
        }

        if (failure is not null)
        {
            LogFatal(failure.Message);
            throw failure;
        }
    }

    /// <summary>Runs one shard; a fatal error stops every shard and is returned, cancellation returns null.</summary>
    private static async Task<Exception?> RunShardAsync(GatewayShard shard, CancellationTokenSource stopAll)
    {
        try
        {
            await shard.RunAsync(stopAll.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (stopAll.IsCancellationRequested)
        {
            return null;
        }
        catch (GatewayFatalException ex)
        {
            await stopAll.CancelAsync().ConfigureAwait(false);
            return ex;
        }
    }

    private async Task<(Uri Url, int Shards, int MaxConcurrency)> DiscoverAsync(CancellationToken cancellationToken)
    {
        Uri? overrideUrl = string.IsNullOrWhiteSpace(_options.GatewayUrlOverride) ? null : new Uri(_options.GatewayUrlOverride, UriKind.Absolute);
        if (overrideUrl is not null && _options.ShardCount is { } configured)
        {
            return (overrideUrl, Math.Max(1, configured), 1);
        }

        var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var url = overrideUrl ?? new Uri(info.Url, UriKind.Absolute);
        var shardCount = Math.Max(1, _options.ShardCount ?? info.Shards);
        var limit = info.SessionStartLimit;
        if (limit.Total > 0 && limit.Remaining < shardCount)
        {
            // Going over the daily identify budget resets the bot's token: wait for the budget instead.
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            LogSessionBudgetExhausted(limit.Remaining, shardCount, wait.TotalMinutes);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return (url, shardCount, Math.Max(1, limit.MaxConcurrency));
    }

    [LoggerMessage(20, LogLevel.Information, "Gateway starting {ShardCount} shard(s), identify concurrency {MaxConcurrency}")]
    private partial void LogStarting(int shardCount, int maxConcurrency);

    [LoggerMessage(22, LogLevel.Critical, "Only {Remaining} session starts left today for {ShardCount} shard(s); waiting {Minutes:0} min for Discord's budget to reset")]
    private partial void LogSessionBudgetExhausted(int remaining, int shardCount, double minutes);

    [LoggerMessage(21, LogLevel.Critical, "Gateway stopped: {Reason}")]
    private partial void LogFatal(string reason);
}
