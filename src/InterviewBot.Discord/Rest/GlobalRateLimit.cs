namespace InterviewBot.Discord.Rest;

/// <summary>
/// The bot-wide limit: at most <c>perSecond</c> requests in any one-second window <em>as the server counts them</em>,
/// and a full stop after a global 429 until its retry_after has passed.
/// </summary>
/// <remarks>
/// Discord (and the emulator) count a request when it arrives, which is somewhere between the moment the client sends
/// it and the moment the response is back; the gap varies with latency, so a limiter that only spaces its sends by its
/// own clock can still land more than N requests in one of the server's windows (a slow request followed by fast
/// ones). Here a request holds one of <c>perSecond</c> slots from before it is sent until one second (plus a small
/// margin) after its response came back. Proof that no server window [a, a+1 s) sees more than N: take the last of N+1
/// requests that arrived in it to be sent; every other one arrived at or after a, so its response came at or after a and
/// its slot is held until after a + 1 s, later than that last send; so N slots were held and it could not have been
/// sent. The price is the round trip: under saturation the rate is N / (1 s + latency + margin), which on loopback is a
/// percent or two below N and never above it.
/// </remarks>
internal sealed class GlobalRateLimit : IDisposable
{
    /// <summary>Covers clock granularity and servers that timestamp a request a little after answering it.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(5);

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil;
    private int _disposeCalls;

    public GlobalRateLimit(TimeProvider time, int perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _time = time;
        _slots = new SemaphoreSlim(perSecond, perSecond);
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Slots free right now (for tests).</summary>
    internal int FreeSlots => _slots.CurrentCount;

    /// <summary>
    /// Waits for a slot (and for the end of a global pause). The caller sends its request and then calls
    /// <see cref="Release"/> once its response (or failure) is in.
    /// </summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pause = PausedUntil - _time.GetUtcNow();
            while (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
                pause = PausedUntil - _time.GetUtcNow();
            }
        }
        catch
        {
            // Nothing was sent on this slot: give it back at once.
            _slots.Release();
            throw;
        }
    }

    /// <summary>The request is done: its slot frees one second (plus the margin) from now.</summary>
    public void Release() => _ = ReturnSlotLaterAsync();

    public void Pause(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeCalls, 1) != 0)
        {
            return;
        }

        _disposed.Cancel();
        _disposed.Dispose();
        _slots.Dispose();
    }

    private async Task ReturnSlotLaterAsync()
    {
        try
        {
            await Task.Delay(Window + Margin, _time, _disposed.Token).ConfigureAwait(false);
            _slots.Release();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The client is being disposed; nobody waits for the slot any more.
        }
    }
}
