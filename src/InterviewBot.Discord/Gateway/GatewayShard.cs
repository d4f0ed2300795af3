using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using InterviewBot.Discord.Entities;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Discord.Gateway;

/// <summary>
/// One shard's connection lifecycle: Hello → heartbeat (first after interval × jitter) → Identify or Resume →
/// dispatches into the shared event channel; reconnects (resume when possible) with exponential backoff
/// and jitter; stops only on cancellation or a fatal close code.
/// </summary>
internal sealed partial class GatewayShard(
    int shardId,
    int shardCount,
    Uri gatewayUrl,
    DiscordClientOptions options,
    IGatewayTransportFactory transportFactory,
    IdentifyThrottle identifyThrottle,
    ChannelWriter<GatewayEvent> events,
    TimeProvider time,
    Random random,
    ILogger logger,
    DiscordMetrics metrics)
{
    private const int MaxPayloadBytes = 4096;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private long _sequence = -1;
    private int _state = (int)GatewayState.Disconnected;
    private HeartbeatAck? _lastAck;

    public int ShardId => shardId;

    public GatewayState State
    {
        get => (GatewayState)Volatile.Read(ref _state);
        private set => Volatile.Write(ref _state, (int)value);
    }

    public HeartbeatAck? LastHeartbeatAck => Volatile.Read(ref _lastAck);

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public long? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? s : null;

    public GatewayShardStatus Status => new(shardId, State, LastHeartbeatAck);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var resume = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (failures > 0)
                {
                    var delay = Backoff(failures);
                    LogReconnectDelay(shardId, delay.TotalSeconds);
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }

                ConnectionOutcome outcome;
                try
                {
                    outcome = await RunConnectionAsync(resume && SessionId is not null && ResumeUrl is not null, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not GatewayFatalException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    // Network failures, refused connections, broken sockets: all end in a reconnect.
                    LogConnectionFailed(shardId, ex.GetType().Name, ex.Message);
                    outcome = new ConnectionOutcome(Resume: true, Healthy: false, "connection error");
                }

                metrics.GatewayReconnect(outcome.Reason);
                failures = outcome.Healthy ? 0 : failures + 1;
                resume = outcome.Resume;
                if (!outcome.Resume)
                {
                    SessionId = null;
                    ResumeUrl = null;
                    Interlocked.Exchange(ref _sequence, -1);
                }

                State = GatewayState.Disconnected;
                if (outcome.DelayBeforeReconnect is { } wait)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            State = GatewayState.Stopped;
        }
    }

    private async Task<ConnectionOutcome> RunConnectionAsync(bool resume, CancellationToken cancellationToken)
    {
        State = resume ? GatewayState.Resuming : GatewayState.Connecting;
        var uri = WithQuery(resume ? ResumeUrl! : gatewayUrl);
        var transport = transportFactory.Create();
        await using (transport.ConfigureAwait(false))
        {
            using var connection = new GatewayConnection(transport, time, cancellationToken);
            await transport.ConnectAsync(uri, connection.Token).ConfigureAwait(false);
            LogConnected(shardId, resume);
            var heartbeat = Task.CompletedTask;
            var handshake = Task.CompletedTask;
            var healthy = false;
            try
            {
                while (true)
                {
                    GatewayFrame frame;
                    try
                    {
                        frame = await transport.ReceiveAsync(connection.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return new ConnectionOutcome(Resume: true, healthy, connection.EndReason ?? "connection ended");
                    }

                    if (frame.IsClose)
                    {
                        return OnClose(frame.CloseCode, frame.CloseReason, healthy);
                    }

                    if (!GatewayPayloadDecoder.TryDecodeEnvelope(frame.Payload.Span, out var envelope, out var error))
                    {
                        metrics.GatewayMalformed();
                        LogMalformed(shardId, error ?? "unknown");
                        continue;
                    }

                    switch (envelope.Op)
                    {
                        case GatewayOpcode.Hello:
                            if (!TryReadInterval(envelope.Data, out var interval))
                            {
                                metrics.GatewayMalformed();
                                LogMalformed(shardId, "hello without heartbeat_interval");
                                break;
                            }

                            if (!heartbeat.IsCompleted)
                            {
                                // A second Hello on one connection: already heartbeating and identified.
                                break;
                            }

                            heartbeat = HeartbeatLoopAsync(connection, interval);

                            // Off the receive loop: waiting for an identify slot must not stop ACKs being read.
                            handshake = HandshakeAsync(connection, resume);
                            break;
                        case GatewayOpcode.HeartbeatAck:
                            connection.AckReceived();
                            var now = time.GetUtcNow();
                            Volatile.Write(ref _lastAck, new HeartbeatAck(now, now - connection.LastHeartbeatSentAt));
                            break;
                        case GatewayOpcode.Heartbeat:
                            await SendHeartbeatAsync(connection).ConfigureAwait(false);
                            break;
                        case GatewayOpcode.Reconnect:
                            LogServerRequested(shardId, "reconnect (op 7)");
                            await CloseQuietlyAsync(transport, "reconnect requested").ConfigureAwait(false);
                            return new ConnectionOutcome(Resume: true, Healthy: true, "op 7 reconnect");
                        case GatewayOpcode.InvalidSession:
                            var resumable = envelope.Data.ValueKind == JsonValueKind.True;
                            LogServerRequested(shardId, resumable ? "invalid session, resumable (op 9)" : "invalid session (op 9)");
                            await CloseQuietlyAsync(transport, "invalid session").ConfigureAwait(false);
                            return resumable
                                ? new ConnectionOutcome(Resume: true, Healthy: true, "op 9 resumable")
                                : new ConnectionOutcome(Resume: false, Healthy: true, "op 9 new session", TimeSpan.FromSeconds(1 + (4 * random.NextDouble())));
                        case GatewayOpcode.Dispatch:
                            try
                            {
                                healthy |= await OnDispatchAsync(connection, envelope).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                            {
                                // The connection ended while the event waited for room; its sequence was not
                                // recorded, so the resume replays it.
                                return new ConnectionOutcome(Resume: true, healthy, connection.EndReason ?? "connection ended");
                            }

                            break;
                        default:
                            break;
                    }
                }
            }
            finally
            {
                connection.End("connection closed");
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await handshake.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles a dispatch; returns true when it proves the session healthy (READY/RESUMED).</summary>
    private async Task<bool> OnDispatchAsync(GatewayConnection connection, GatewayEnvelope envelope)
    {
        if (!GatewayPayloadDecoder.TryDecodeDispatch(envelope.EventName, envelope.Data, shardId, out var gatewayEvent, out var error))
        {
            metrics.GatewayMalformed();
            LogMalformed(shardId, error ?? "unknown");
            RecordSequence(envelope);
            return false;
        }

        metrics.GatewayEvent(envelope.EventName ?? "");
        var healthy = false;
        switch (gatewayEvent)
        {
            case ReadyEvent ready:
                SessionId = ready.SessionId;
                ResumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : gatewayUrl;
                State = GatewayState.Ready;
                LogReady(shardId, ready.Guilds.Count);
                healthy = true;
                break;
            case ResumedEvent:
                State = GatewayState.Ready;
                LogResumed(shardId);
                healthy = true;
                break;
        }

        if (gatewayEvent is not null && !events.TryWrite(gatewayEvent))
        {
            // Back-pressure: a full channel makes the shard wait, never drops events. Heartbeats go on meanwhile.
            connection.PauseReceive();
            try
            {
                await events.WriteAsync(gatewayEvent, connection.Token).ConfigureAwait(false);
            }
            finally
            {
                connection.ResumeReceive();
            }
        }

        // Only now is the event ours: a resume from here on must not replay it, and must replay anything after it.
        RecordSequence(envelope);
        return healthy;
    }

    private void RecordSequence(GatewayEnvelope envelope)
    {
        if (envelope.Sequence is { } sequence)
        {
            Interlocked.Exchange(ref _sequence, sequence);
        }
    }

    private ConnectionOutcome OnClose(int? code, string? reason, bool healthy)
    {
        LogClosed(shardId, code ?? 0, reason ?? "");
        if (GatewayCloseCodes.FatalReason(code) is { } fatal)
        {
            throw new GatewayFatalException(code!.Value, fatal);
        }

        return GatewayCloseCodes.RequiresNewSession(code)
            ? new ConnectionOutcome(Resume: false, healthy, $"close {code}")
            : new ConnectionOutcome(Resume: true, healthy, $"close {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "without code"}");
    }

    private async Task HandshakeAsync(GatewayConnection connection, bool resume)
    {
        try
        {
            if (resume)
            {
                await SendAsync(connection, GatewayOpcode.Resume, new ResumePayload { Token = options.Token, SessionId = SessionId!, Seq = Sequence }, DiscordJsonContext.Default.ResumePayload).ConfigureAwait(false);
            }
            else
            {
                using var slot = await identifyThrottle.AcquireAsync(shardId, connection.Token).ConfigureAwait(false);
                await SendAsync(connection, GatewayOpcode.Identify, Identify(), DiscordJsonContext.Default.IdentifyPayload).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended while waiting for an identify slot.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogConnectionFailed(shardId, ex.GetType().Name, "identify/resume send failed");
            connection.End("handshake failed");
        }
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval)
    {
        try
        {
            await Task.Delay(interval * random.NextDouble(), time, connection.Token).ConfigureAwait(false);
            while (!connection.Token.IsCancellationRequested)
            {
                if (connection.AwaitingAck && !connection.ReceivePausedSinceHeartbeat)
                {
                    // Zombie: no ACK since the last heartbeat. Close with a non-1000 code so the session stays resumable.
                    LogZombie(shardId);
                    await CloseQuietlyAsync(connection.Transport, "zombie connection").ConfigureAwait(false);
                    connection.End("zombie connection");
                    return;
                }

                await SendHeartbeatAsync(connection).ConfigureAwait(false);
                await Task.Delay(interval, time, connection.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; nothing to do.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogConnectionFailed(shardId, ex.GetType().Name, "heartbeat send failed");
            connection.End("heartbeat failed");
        }
    }

    private Task SendHeartbeatAsync(GatewayConnection connection)
    {
        connection.HeartbeatSent(time.GetUtcNow());
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)GatewayOpcode.Heartbeat);
            if (Sequence is { } sequence)
            {
                writer.WriteNumber("d", sequence);
            }
            else
            {
                writer.WriteNull("d");
            }

            writer.WriteEndObject();
        }

        return connection.SendAsync(buffer.WrittenMemory, priority: true);
    }

    private static Task SendAsync<T>(GatewayConnection connection, GatewayOpcode op, T data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)op);
            writer.WritePropertyName("d");
            JsonSerializer.Serialize(writer, data, typeInfo);
            writer.WriteEndObject();
        }

        if (buffer.WrittenCount > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway payload op {(int)op} is {buffer.WrittenCount} bytes; Discord closes the connection above {MaxPayloadBytes}.");
        }

        return connection.SendAsync(buffer.WrittenMemory, priority: false);
    }

    private IdentifyPayload Identify() => new()
    {
        Token = options.Token,
        Intents = (int)options.Intents,
        Properties = new IdentifyProperties
        {
            Os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux",
            Browser = "InterviewBot",
            Device = "InterviewBot",
        },
        Shard = [shardId, shardCount],
    };

    private async Task CloseQuietlyAsync(IGatewayTransport transport, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await transport.CloseAsync(GatewayCloseCodes.ClientReconnect, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The socket may already be dead; a reconnect follows either way.
            LogConnectionFailed(shardId, ex.GetType().Name, "close failed");
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
        return exponential * (0.5 + (0.5 * random.NextDouble()));
    }

    private static bool TryReadInterval(JsonElement data, out TimeSpan interval)
    {
        interval = default;
        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("heartbeat_interval", out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetDouble(out var ms)
            && ms is > 0 and < 3_600_000)
        {
            interval = TimeSpan.FromMilliseconds(ms);
            return true;
        }

        return false;
    }

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(1, LogLevel.Information, "Shard {ShardId} connected ({Resuming})")]
    private partial void LogConnected(int shardId, bool resuming);

    [LoggerMessage(2, LogLevel.Information, "Shard {ShardId} ready with {GuildCount} guilds")]
    private partial void LogReady(int shardId, int guildCount);

    [LoggerMessage(3, LogLevel.Information, "Shard {ShardId} resumed")]
    private partial void LogResumed(int shardId);

    [LoggerMessage(4, LogLevel.Warning, "Shard {ShardId} skipped a malformed payload: {Reason}")]
    private partial void LogMalformed(int shardId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Shard {ShardId} closed by Discord with {Code} {Reason}")]
    private partial void LogClosed(int shardId, int code, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Shard {ShardId} got no heartbeat ACK; reconnecting")]
    private partial void LogZombie(int shardId);

    [LoggerMessage(7, LogLevel.Warning, "Shard {ShardId} connection failed: {Error} {Detail}")]
    private partial void LogConnectionFailed(int shardId, string error, string detail);

    [LoggerMessage(8, LogLevel.Information, "Shard {ShardId}: Discord asked for {What}")]
    private partial void LogServerRequested(int shardId, string what);

    [LoggerMessage(9, LogLevel.Information, "Shard {ShardId} reconnecting in {Seconds:0.0} s")]
    private partial void LogReconnectDelay(int shardId, double seconds);

    private readonly record struct ConnectionOutcome(bool Resume, bool Healthy, string Reason, TimeSpan? DelayBeforeReconnect = null);
}
