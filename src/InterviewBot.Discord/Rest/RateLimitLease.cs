namespace InterviewBot.Discord.Rest;

/// <summary>
/// The right to send one request through a bucket (and, for routes under the global limit, one global slot); disposing
/// it, once the response is in, lets the bucket's next request go and starts the global slot's one-second hold.
/// </summary>
internal sealed class RateLimitLease(RateLimitBucket bucket) : IDisposable
{
    private int _released;

    public RateLimitBucket Bucket { get; } = bucket;

    /// <summary>The global slot this request holds, if its route counts toward the global limit.</summary>
    public GlobalRateLimit? Global { get; set; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Bucket.Gate.Release();
            Global?.Release();
        }
    }
}
