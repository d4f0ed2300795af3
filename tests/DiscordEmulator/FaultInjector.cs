using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator;

/// <summary>Scripted failures of the gateway (drops, op 7, op 9, silent heartbeats, close codes) and of REST routes.</summary>
public sealed class FaultInjector
{
    private readonly EmulatorState _state;
    private readonly List<RestFault> _restFaults = [];
    private readonly List<RequestInterception> _interceptions = [];

    internal FaultInjector(EmulatorState state) => _state = state;

    /// <summary>Whether heartbeats are ACKed (op 11). Set false to make the client see a zombie connection.</summary>
    public bool AckHeartbeats
    {
        get => _state.HeartbeatAcks;
        set => _state.HeartbeatAcks = value;
    }

    /// <summary>Drops every gateway connection without a close frame (sessions stay resumable).</summary>
    public void DropConnections()
    {
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                c.Abort();
            }
        }
    }

    /// <summary>Sends op 7 Reconnect on every connection.</summary>
    public void SendReconnect() => Broadcast(new JsonObject { ["op"] = 7, ["d"] = null, ["s"] = null, ["t"] = null });

    /// <summary>Sends op 9 Invalid Session; with <paramref name="resumable"/> false the sessions are gone.</summary>
    public void SendInvalidSession(bool resumable)
    {
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                if (!resumable && c.Session is { } s)
                {
                    s.Invalidated = true;
                }

                c.Send(new JsonObject { ["op"] = 9, ["d"] = resumable, ["s"] = null, ["t"] = null });
            }
        }
    }

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public void RequestHeartbeat()
    {
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                c.RequestHeartbeat();
            }
        }
    }

    /// <summary>Closes every connection with <paramref name="code"/>. Codes that end a session (4003, 4004, 4007, 4009, 4010-4014) invalidate it.</summary>
    public void CloseGateway(int code, string reason = "")
    {
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                if (code is 4003 or 4004 or 4007 or 4009 or (>= 4010 and <= 4014) && c.Session is { } s)
                {
                    s.Invalidated = true;
                }

                c.Close(code, reason);
            }
        }
    }

    /// <summary>Answers matching requests with <paramref name="status"/> (500, 502, ...) instead of handling them.</summary>
    public void FailRequests(Func<RestRequestInfo, bool> match, int status = 500, int times = int.MaxValue) =>
        Add(new RestFault(match, RestFaultKind.Fail, times) { Status = status });

    /// <summary>Delays matching requests by <paramref name="delay"/> before handling them.</summary>
    public void DelayRequests(Func<RestRequestInfo, bool> match, TimeSpan delay, int times = int.MaxValue) =>
        Add(new RestFault(match, RestFaultKind.Delay, times) { Delay = delay });

    /// <summary>Answers matching requests with 429 and <paramref name="retryAfter"/>, as a storm of shared or global limits.</summary>
    public void RateLimitRequests(Func<RestRequestInfo, bool> match, TimeSpan retryAfter, int times = int.MaxValue, bool global = false) =>
        Add(new RestFault(match, RestFaultKind.RateLimit, times) { Delay = retryAfter, Global = global });

    /// <summary>Never answers matching requests (until the client gives up): a timeout.</summary>
    public void HangRequests(Func<RestRequestInfo, bool> match, int times = int.MaxValue) =>
        Add(new RestFault(match, RestFaultKind.Hang, times));

    /// <summary>
    /// Runs <paramref name="callback"/> on the next <paramref name="times"/> matching requests, at <paramref name="stage"/>:
    /// before the emulator applies the request, or after it applied it but before the response is written. Then the
    /// request is answered as usual, or with <paramref name="answer"/> false never answered (the connection is dropped,
    /// and the request is not recorded). Crash tests kill the bot's process in the callback, so the kill lands exactly
    /// before or after a step. The callback runs outside the emulator's lock, at most once at a time per request.
    /// </summary>
    public void InterceptRequests(Func<RestRequestInfo, bool> match, RequestStage stage, Action<RestRequestInfo> callback, bool answer = true, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(callback);
        lock (_state.Gate)
        {
            _interceptions.Add(new RequestInterception(match, stage, callback, answer, times));
        }
    }

    /// <summary>Removes every REST fault and interception.</summary>
    public void ClearRequestFaults()
    {
        lock (_state.Gate)
        {
            _restFaults.Clear();
            _interceptions.Clear();
        }
    }

    internal RequestInterception? TakeInterception(RestRequestInfo request)
    {
        lock (_state.Gate)
        {
            var interception = _interceptions.FirstOrDefault(i => i.Remaining > 0 && i.Match(request));
            if (interception is not null)
            {
                interception.Remaining--;
            }

            return interception;
        }
    }

    internal RestFault? Take(RestRequestInfo request)
    {
        lock (_state.Gate)
        {
            var fault = _restFaults.FirstOrDefault(f => f.Remaining > 0 && f.Match(request));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private void Add(RestFault fault)
    {
        lock (_state.Gate)
        {
            _restFaults.Add(fault);
        }
    }

    private void Broadcast(JsonObject payload)
    {
        lock (_state.Gate)
        {
            foreach (var c in _state.Connections.ToList())
            {
                c.Send(payload);
            }
        }
    }
}
