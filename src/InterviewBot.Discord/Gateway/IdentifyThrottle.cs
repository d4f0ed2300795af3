using System.Collections.Concurrent;

namespace InterviewBot.Discord.Gateway;

/// <summary>
/// Discord lets <c>max_concurrency</c> shards identify per 5 s: shard i uses key i % max_concurrency and
/// each key identifies at most once per 5 s, counted from the moment the Identify was sent. Shared by
/// every shard of the process.
/// </summary>
internal sealed class IdentifyThrottle(TimeProvider time, int maxConcurrency)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _next = new();

    /// <summary>Waits for this shard's slot; dispose the result right after sending Identify.</summary>
    public async Task<IDisposable> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        var key = shardId % Math.Max(1, maxConcurrency);
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_next.TryGetValue(key, out var next) && next > now)
            {
                await Task.Delay(next - now, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }

        return new Slot(this, key, gate);
    }

    private void Release(int key, SemaphoreSlim gate)
    {
        _next[key] = time.GetUtcNow() + Spacing;
        gate.Release();
    }

    private sealed class Slot(IdentifyThrottle owner, int key, SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, gate);
            }
        }
    }
}
