namespace InterviewBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway sends per 60 s per connection. Ordinary sends stop at 115 so that
/// heartbeats (priority) always find room.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time, int limit = 120, int reservedForPriority = 5)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(bool priority, CancellationToken cancellationToken)
    {
        var allowed = priority ? limit : limit - reservedForPriority;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() + Window <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.ElementAt(_sent.Count - allowed) + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
