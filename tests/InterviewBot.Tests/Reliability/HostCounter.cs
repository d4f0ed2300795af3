using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// Sums one counter of one host (its <see cref="IMeterFactory"/> is the meters' scope), so parallel tests do not mix,
/// and keeps the sums by the value of one tag.
/// </summary>
public sealed class HostCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byTag = new(StringComparer.Ordinal);
    private long _total;

    public HostCounter(IMeterFactory factory, string meterName, string instrumentName, string? tag = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Interlocked.Add(ref _total, value);
            foreach (var t in tags)
            {
                if (t.Key == tag)
                {
                    _byTag.AddOrUpdate(t.Value?.ToString() ?? "", value, (_, old) => old + value);
                }
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> ByTag => _byTag;

    public void Dispose() => _listener.Dispose();
}
