namespace DiscordEmulator.State;

/// <summary>Mints time-ordered snowflakes: (ms since the Discord epoch) &lt;&lt; 22 | increment.</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private const long DiscordEpochMs = 1420070400000;
    private readonly Lock _gate = new();
    private ulong _last;

    public ulong Next()
    {
        var ms = (ulong)Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        lock (_gate)
        {
            var candidate = ms << 22;
            _last = candidate > _last ? candidate : _last + 1;
            return _last;
        }
    }

    public static DateTimeOffset TimeOf(ulong id) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMs);
}
