namespace DiscordEmulator;

/// <summary>Bucket sizes of the emulated REST rate limits. Discord does not document its sizes; these defaults are typical.</summary>
public sealed class RateLimitOptions
{
    /// <summary>When false, no request is ever limited (headers are still sent).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per route bucket (per method + route + major parameter) and window.</summary>
    public int RouteLimit { get; set; } = 5;

    /// <summary>Window of a route bucket.</summary>
    public TimeSpan RouteWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per global window across all routes (Discord: 50 per second; interaction routes are exempt).</summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>Window of the global limit.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Overrides per route, keyed by "METHOD /route/{template}", e.g. "POST /channels/{channel_id}/messages".</summary>
    public IDictionary<string, RouteLimit> Routes { get; } = new Dictionary<string, RouteLimit>(StringComparer.Ordinal);
}
