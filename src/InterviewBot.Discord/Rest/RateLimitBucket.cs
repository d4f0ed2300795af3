namespace InterviewBot.Discord.Rest;

/// <summary>
/// One rate-limit bucket (bucket hash + major parameter). Requests through it are serialised by
/// <see cref="Gate"/>, so its state is always updated from the previous response's headers before
/// the next request leaves.
/// </summary>
internal sealed class RateLimitBucket(string id) : IDisposable
{
    private readonly Lock _lock = new();
    private int? _limit;
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private DateTimeOffset _lastUsed;

    public string Id { get; } = id;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>When a request last went through; idle buckets are swept.</summary>
    public DateTimeOffset LastUsed
    {
        get
        {
            lock (_lock)
            {
                return _lastUsed;
            }
        }
    }

    /// <summary>True when nothing can still be learned from or waited for in this bucket.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            return _lastUsed < cutoff && _resetAt < cutoff && Gate.CurrentCount == 1;
        }
    }

    public int? Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Waits until a request may be sent, then takes one from the bucket.</summary>
    public async ValueTask TakeAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                _lastUsed = now;
                if (_remaining is <= 0 && _resetAt > now)
                {
                    wait = _resetAt - now;
                }
                else
                {
                    if (_remaining is <= 0)
                    {
                        // The window has passed: the bucket is full again (exact numbers come with the next response).
                        _remaining = _limit;
                    }

                    if (_remaining is > 0)
                    {
                        _remaining--;
                    }

                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Update(int? limit, int? remaining, DateTimeOffset? resetAt)
    {
        lock (_lock)
        {
            _limit = limit ?? _limit;
            if (remaining is not null)
            {
                _remaining = remaining;
            }

            if (resetAt is not null)
            {
                _resetAt = resetAt.Value;
            }
        }
    }

    /// <summary>After a 429 on this bucket: nothing may be sent before <paramref name="until"/>.</summary>
    public void Exhaust(DateTimeOffset until)
    {
        lock (_lock)
        {
            _remaining = 0;
            if (until > _resetAt)
            {
                _resetAt = until;
            }
        }
    }

    public void Dispose() => Gate.Dispose();
}
