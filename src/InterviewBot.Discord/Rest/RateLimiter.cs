using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace InterviewBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits. Buckets are learned from X-RateLimit-Bucket per route template and split
/// by the major parameter (channel, guild, webhook/interaction). A bucket with Remaining 0 is never sent
/// into before its reset; a global 429 pauses every non-interaction route; interaction routes skip the
/// proactive global limit, as Discord exempts them. A request takes its bucket first, then a global slot, and gives
/// both back (the global one a second later) when its response is in: see <see cref="GlobalRateLimit"/>.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, int globalPerSecond) : IDisposable
{
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly GlobalRateLimit _global = new(time, globalPerSecond);
    private long _completions;

    /// <summary>Buckets currently tracked (each interaction and channel makes one; idle ones are swept).</summary>
    public int BucketCount => _buckets.Count;

    public GlobalRateLimit Global => _global;

    public async ValueTask<RateLimitLease> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var bucket = Resolve(route);
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var lease = new RateLimitLease(bucket);
            if (!ReferenceEquals(bucket, Resolve(route)))
            {
                // The route's real bucket was learned while we queued on the provisional one.
                lease.Dispose();
                continue;
            }

            try
            {
                await bucket.TakeAsync(time, cancellationToken).ConfigureAwait(false);
                if (!route.IsInteraction)
                {
                    await _global.WaitAsync(cancellationToken).ConfigureAwait(false);
                    lease.Global = _global;
                }
            }
            catch
            {
                lease.Dispose();
                throw;
            }

            return lease;
        }
    }

    /// <summary>Learns from a response's headers (and 429 body). Returns the scope of a 429, else None.</summary>
    public RateLimitScope Complete(RestRoute route, RateLimitLease lease, HttpResponseMessage response, double? bodyRetryAfter, bool? bodyGlobal)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = time.GetUtcNow();
        var headers = response.Headers;
        var limit = ReadInt(headers, "X-RateLimit-Limit");
        var remaining = ReadInt(headers, "X-RateLimit-Remaining");
        var resetAfter = ReadDouble(headers, "X-RateLimit-Reset-After");
        // Reset-After is rounded to the millisecond and a loopback response can arrive in less than that, so a reset
        // computed from it can fall just before the server's; a small margin keeps the next request out of the old window.
        DateTimeOffset? resetAt = resetAfter is { } seconds ? now + TimeSpan.FromSeconds(seconds) + ResetMargin : null;

        var bucket = lease.Bucket;
        if (Read(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            _bucketHashes[route.RouteKey] = hash;
            var learned = _buckets.GetOrAdd(BucketId(hash, route.MajorParameter), id => new RateLimitBucket(id));
            if (!ReferenceEquals(learned, bucket))
            {
                learned.Update(limit, remaining, resetAt);
            }
        }

        bucket.Update(limit, remaining, resetAt);
        if (Interlocked.Increment(ref _completions) % 1000 == 0)
        {
            SweepIdleBuckets(now);
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return RateLimitScope.None;
        }

        var retryAfter = bodyRetryAfter ?? ReadDouble(headers, "Retry-After") ?? resetAfter ?? 1;
        var until = now + TimeSpan.FromSeconds(Math.Max(0, retryAfter));
        var scopeHeader = Read(headers, "X-RateLimit-Scope");
        var isGlobal = bodyGlobal == true
            || string.Equals(Read(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(scopeHeader, "global", StringComparison.OrdinalIgnoreCase);
        if (isGlobal)
        {
            _global.Pause(until);
            return RateLimitScope.Global;
        }

        Resolve(route).Exhaust(until);
        bucket.Exhaust(until);
        return string.Equals(scopeHeader, "shared", StringComparison.OrdinalIgnoreCase) ? RateLimitScope.Shared : RateLimitScope.User;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }

        _global.Dispose();
    }

    /// <summary>
    /// Forgets buckets unused for 10 minutes (every interaction token makes a new one). A request that
    /// resolved a swept bucket notices in <see cref="AcquireAsync"/> and moves to a fresh one; swept buckets
    /// are not disposed because such a request may still hold them.
    /// </summary>
    internal void SweepIdleBuckets(DateTimeOffset now)
    {
        var cutoff = now - IdleBucketLifetime;
        foreach (var (id, bucket) in _buckets)
        {
            if (bucket.IsIdleSince(cutoff))
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(id, bucket));
            }
        }
    }

    private RateLimitBucket Resolve(RestRoute route)
    {
        var id = _bucketHashes.TryGetValue(route.RouteKey, out var hash)
            ? BucketId(hash, route.MajorParameter)
            : BucketId("route:" + route.RouteKey, route.MajorParameter);
        return _buckets.GetOrAdd(id, key => new RateLimitBucket(key));
    }

    private static string BucketId(string hash, string major) => $"{hash}|{major}";

    private static string? Read(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? ReadInt(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        int.TryParse(Read(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? ReadDouble(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        double.TryParse(Read(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
