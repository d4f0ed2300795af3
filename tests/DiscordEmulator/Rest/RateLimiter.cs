using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DiscordEmulator.Rest;

/// <summary>Fixed-window buckets per route + major parameter, and one global window. Used under the state gate.</summary>
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Window> _buckets = new(StringComparer.Ordinal);
    private readonly Window _global = new();

    public RateDecision Check(RestRoute route, string major)
    {
        var now = time.GetUtcNow();
        var bucket = BucketHash(route.Key);
        var limit = options.Routes.TryGetValue(route.Key, out var custom) ? custom : new RouteLimit(options.RouteLimit, options.RouteWindow);
        if (!_buckets.TryGetValue($"{bucket}:{major}", out var window))
        {
            window = new Window();
            _buckets[$"{bucket}:{major}"] = window;
        }

        window.Roll(now, limit.Window);
        if (options.Enabled && !route.Interaction)
        {
            _global.Roll(now, options.GlobalWindow);
            if (_global.Used >= options.GlobalLimit)
            {
                return new RateDecision(false, limit.Limit, Math.Max(0, limit.Limit - window.Used), window.ResetAt, window.ResetAt - now, bucket, "global", _global.ResetAt - now);
            }
        }

        if (options.Enabled && window.Used >= limit.Limit)
        {
            return new RateDecision(false, limit.Limit, 0, window.ResetAt, window.ResetAt - now, bucket, "user", window.ResetAt - now);
        }

        window.Used++;
        if (!route.Interaction)
        {
            _global.Roll(now, options.GlobalWindow);
            _global.Used++;
        }

        return new RateDecision(true, limit.Limit, Math.Max(0, limit.Limit - window.Used), window.ResetAt, window.ResetAt - now, bucket, null, TimeSpan.Zero);
    }

    /// <summary>An opaque bucket id that, like Discord's, does not contain the major parameter.</summary>
    public static string BucketHash(string routeKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)))[..32];

    public static string Seconds(TimeSpan t) => Math.Max(0, t.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);

    public static string Epoch(DateTimeOffset t) => (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class Window
    {
        public DateTimeOffset ResetAt { get; private set; } = DateTimeOffset.MinValue;

        public int Used { get; set; }

        public void Roll(DateTimeOffset now, TimeSpan length)
        {
            if (now >= ResetAt)
            {
                Used = 0;
                ResetAt = now + length;
            }
        }
    }
}
