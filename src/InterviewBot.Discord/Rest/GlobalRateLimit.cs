namespace InterviewBot.Discord.Rest;

/// <summary>
/// The bot-wide limit: at most <c>perSecond</c> requests in any one-second window, and a full stop after
/// a global 429 until its retry_after has passed.
/// </summary>
internal sealed class GlobalRateLimit(TimeProvider time, int perSecond) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil;

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

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var pausedUntil = PausedUntil;
                if (pausedUntil > now)
                {
                    await Task.Delay(pausedUntil - now, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                while (_sent.Count > 0 && _sent.Peek() + Window <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < perSecond)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(_sent.Peek() + Window - now, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

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

    public void Dispose() => _gate.Dispose();
}
