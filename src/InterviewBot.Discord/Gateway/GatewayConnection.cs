namespace InterviewBot.Discord.Gateway;

/// <summary>State of one WebSocket connection of a shard: sends, heartbeat bookkeeping, why it ended.</summary>
internal sealed class GatewayConnection(IGatewayTransport transport, TimeProvider time, CancellationToken shardToken) : IDisposable
{
    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(shardToken);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter = new(time);
    private int _awaitingAck;
    private int _pausedSinceHeartbeat;
    private int _paused;
    private long _lastHeartbeatTicks;

    public IGatewayTransport Transport { get; } = transport;

    public CancellationToken Token => _cts.Token;

    /// <summary>Set by the heartbeat loop when it ends the connection (zombie, send failure).</summary>
    public string? EndReason { get; set; }

    public bool AwaitingAck => Volatile.Read(ref _awaitingAck) == 1;

    public DateTimeOffset LastHeartbeatSentAt => new(Interlocked.Read(ref _lastHeartbeatTicks), TimeSpan.Zero);

    /// <summary>
    /// True when the receive loop waited on a full event channel since the last heartbeat: an ACK may be
    /// sitting unread in the socket, so a missing ACK proves nothing about the connection.
    /// </summary>
    public bool ReceivePausedSinceHeartbeat => Volatile.Read(ref _pausedSinceHeartbeat) == 1 || Volatile.Read(ref _paused) == 1;

    public void HeartbeatSent(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastHeartbeatTicks, at.UtcTicks);
        Volatile.Write(ref _awaitingAck, 1);
        Volatile.Write(ref _pausedSinceHeartbeat, 0);
    }

    public void PauseReceive()
    {
        Volatile.Write(ref _paused, 1);
        Volatile.Write(ref _pausedSinceHeartbeat, 1);
    }

    public void ResumeReceive()
    {
        Volatile.Write(ref _pausedSinceHeartbeat, 1);
        Volatile.Write(ref _paused, 0);
    }

    public void AckReceived() => Volatile.Write(ref _awaitingAck, 0);

    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool priority)
    {
        await _limiter.WaitAsync(priority, Token).ConfigureAwait(false);
        await _sendLock.WaitAsync(Token).ConfigureAwait(false);
        try
        {
            await Transport.SendAsync(payload, Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void End(string reason)
    {
        EndReason ??= reason;
        _cts.Cancel();
    }

    public void Dispose()
    {
        _cts.Dispose();
        _sendLock.Dispose();
    }
}
