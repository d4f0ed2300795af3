using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace InterviewBot.Tests.Reliability;

/// <summary>
/// Every measurement of the named meters of one host (its <see cref="IMeterFactory"/> is the meters' scope, so parallel
/// tests do not mix), with its tags, for asserting that an instrument moved with the right tags.
/// </summary>
public sealed class HostMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public HostMeasurements(IMeterFactory factory, params string[] meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name) && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => [.. _measurements];

    /// <summary>The sum of an instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Matching(instrument, tags).Sum(m => m.Value);

    public IReadOnlyList<Measurement> Matching(string instrument, params (string Key, string Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value))];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags);
}
