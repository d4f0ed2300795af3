namespace InterviewBot.Discord.Rest;

/// <summary>The right to send one request through a bucket; disposing it lets the next request go.</summary>
internal sealed class RateLimitLease(RateLimitBucket bucket) : IDisposable
{
    private int _released;

    public RateLimitBucket Bucket { get; } = bucket;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Bucket.Gate.Release();
        }
    }
}
