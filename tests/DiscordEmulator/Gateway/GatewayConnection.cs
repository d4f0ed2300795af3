using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DiscordEmulator.State;

namespace DiscordEmulator.Gateway;

/// <summary>One WebSocket to the emulated gateway: Hello, heartbeats, Identify/Resume, limits, faults.</summary>
internal sealed class GatewayConnection(EmulatorState state, WebSocket socket) : IDisposable
{
    private readonly Channel<Frame> _outgoing = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<DateTimeOffset> _received = new();
    private readonly CancellationTokenSource _cts = new();
    private DateTimeOffset _lastHeartbeat = state.Time.GetUtcNow();
    private bool _heartbeatRequested;
    private bool _anyHeartbeat;
    private bool _closing;

    public bool HelloSent { get; private set; }

    public GatewaySession? Session { get; set; }

    public bool Identified => Session is not null;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _cts.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            _ = SendHelloAsync(linked.Token);
            await ReadLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            state.OnConnectionEnded(this);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private async Task SendHelloAsync(CancellationToken ct)
    {
        try
        {
            if (state.Options.HelloDelay > TimeSpan.Zero)
            {
                await Task.Delay(state.Options.HelloDelay, state.Time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (state.Gate)
        {
            _lastHeartbeat = state.Time.GetUtcNow();
            HelloSent = true;
            Send(new JsonObject
            {
                ["op"] = 10,
                ["d"] = new JsonObject { ["heartbeat_interval"] = (long)state.Options.HeartbeatInterval.TotalMilliseconds },
                ["s"] = null,
                ["t"] = null,
            });
        }
    }

    public void Send(JsonObject payload) => SendRaw(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    public void SendRaw(byte[] bytes)
    {
        if (!_closing)
        {
            _outgoing.Writer.TryWrite(new Frame(bytes, null, null));
        }
    }

    /// <summary>Closes with a close frame carrying <paramref name="code"/> after everything queued so far.</summary>
    public void Close(int code, string reason)
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        _outgoing.Writer.TryWrite(new Frame(null, code, reason));
    }

    /// <summary>Drops the TCP connection with no close frame.</summary>
    public void Abort()
    {
        _closing = true;
        socket.Abort();
        _cts.Cancel();
    }

    public bool AckHeartbeats { get; set; } = true;

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        await foreach (var frame in _outgoing.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (frame.Bytes is not null)
            {
                await socket.SendAsync(frame.Bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
                continue;
            }

            await socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode!.Value, frame.Reason, ct).ConfigureAwait(false);
            // Discord drops the connection shortly after its close frame; do not wait for the client forever.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (socket.State == WebSocketState.CloseSent)
                {
                    await Task.Delay(20, grace.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                socket.Abort();
            }

            await _cts.CancelAsync().ConfigureAwait(false);
            return;
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[8192];
        var max = state.Options.MaxGatewayPayloadBytes;
        while (!ct.IsCancellationRequested)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            var tooBig = false;
            do
            {
                result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    OnClientClose(result.CloseStatus);
                    return;
                }

                if (message.Length + result.Count > max)
                {
                    tooBig = true;
                }
                else
                {
                    message.Write(buffer, 0, result.Count);
                }
            }
            while (!result.EndOfMessage);

            if (_closing)
            {
                continue;
            }

            lock (state.Gate)
            {
                if (tooBig)
                {
                    state.Violation("payload-too-large", $"client sent a gateway payload over {max} bytes");
                    Close(4002, "Payload too large");
                    continue;
                }

                if (!CountSend())
                {
                    continue;
                }

                JsonObject? payload;
                try
                {
                    payload = JsonNode.Parse(message.ToArray()) as JsonObject;
                }
                catch (JsonException)
                {
                    payload = null;
                }

                if (payload is null || Json.GetLong(payload, "op") is not { } op)
                {
                    state.Violation("decode-error", "client sent a payload that is not a JSON object with an op");
                    Close(4002, "Error while decoding payload.");
                    continue;
                }

                try
                {
                    Handle((int)op, payload["d"]);
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
                {
                    state.Violation("decode-error", $"op {op} payload has the wrong shape: {e.Message}");
                    Close(4002, "Error while decoding payload.");
                }
            }
        }
    }

    private void OnClientClose(WebSocketCloseStatus? status)
    {
        lock (state.Gate)
        {
            // 1000/1001 end the session; any other code keeps it resumable.
            if (Session is not null && status is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable)
            {
                Session.Invalidated = true;
            }

            CheckHeartbeatGap(closing: true);
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            Close((int)(status ?? WebSocketCloseStatus.NormalClosure), "");
        }
    }

    private bool CountSend()
    {
        var now = state.Time.GetUtcNow();
        _received.Enqueue(now);
        while (_received.Count > 0 && now - _received.Peek() >= state.Options.GatewaySendWindow)
        {
            _received.Dequeue();
        }

        if (_received.Count > state.Options.GatewaySendLimit)
        {
            state.Violation("gateway-rate-limit", $"client sent more than {state.Options.GatewaySendLimit} payloads in {state.Options.GatewaySendWindow.TotalSeconds} s");
            Close(4008, "Rate limited.");
            return false;
        }

        return true;
    }

    private void Handle(int op, JsonNode? d)
    {
        switch (op)
        {
            case 1:
                OnHeartbeat();
                break;
            case 2:
                state.Identify(this, d as JsonObject);
                break;
            case 6:
                state.Resume(this, d as JsonObject);
                break;
            case 3 or 4 or 8 or 31 or 43:
                if (!Identified)
                {
                    state.Violation("not-authenticated", $"op {op} sent before Identify");
                    Close(4003, "Not authenticated.");
                }

                break;
            default:
                state.Violation("unknown-opcode", $"client sent op {op}");
                Close(4001, "Unknown opcode.");
                break;
        }
    }

    private void OnHeartbeat()
    {
        CheckHeartbeatGap(closing: false);
        _lastHeartbeat = state.Time.GetUtcNow();
        _anyHeartbeat = true;
        _heartbeatRequested = false;
        if (AckHeartbeats && state.HeartbeatAcks)
        {
            Send(new JsonObject { ["op"] = 11 });
        }
    }

    private void CheckHeartbeatGap(bool closing)
    {
        var interval = state.Options.HeartbeatInterval;
        var tolerance = state.Options.HeartbeatTolerance;
        var gap = state.Time.GetUtcNow() - _lastHeartbeat;
        var late = (_anyHeartbeat ? interval * 1.5 : interval) + tolerance;
        if (gap > late && (Identified || !closing))
        {
            state.Violation("heartbeat-late", $"{gap.TotalMilliseconds:F0} ms without a heartbeat (interval {interval.TotalMilliseconds:F0} ms)");
        }
        else if (!closing && _anyHeartbeat && !_heartbeatRequested && gap < (interval * 0.5) - tolerance)
        {
            state.Violation("heartbeat-early", $"heartbeat {gap.TotalMilliseconds:F0} ms after the previous one (interval {interval.TotalMilliseconds:F0} ms)");
        }
    }

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public void RequestHeartbeat()
    {
        _heartbeatRequested = true;
        Send(new JsonObject { ["op"] = 1, ["d"] = null });
    }

    public void Dispose() => _cts.Dispose();

    private sealed record Frame(byte[]? Bytes, int? CloseCode, string? Reason);
}
