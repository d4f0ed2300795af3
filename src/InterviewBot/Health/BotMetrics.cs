using System.Diagnostics.Metrics;

namespace InterviewBot.Health;

/// <summary>
/// The bot's counters (System.Diagnostics.Metrics, meter "InterviewBot"), so an operator can attach any collector
/// (dotnet-counters, OpenTelemetry). REST call counters live in the Discord client's own meter.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "InterviewBot";

    private readonly Meter meter;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        EventsReceived = meter.CreateCounter<long>("interviewbot.gateway.events", description: "Gateway dispatches received");
        InteractionsHandled = meter.CreateCounter<long>("interviewbot.interactions", description: "Interactions handled, by kind and outcome");
        InteractionLatency = meter.CreateHistogram<double>("interviewbot.interactions.ack_latency", unit: "ms", description: "Time from receiving an interaction to acknowledging it");
        AnswersStored = meter.CreateCounter<long>("interviewbot.answers.stored", description: "Answer messages stored");
        PostsMade = meter.CreateCounter<long>("interviewbot.posts", description: "Questions posted, by source");
        PostsSkipped = meter.CreateCounter<long>("interviewbot.posts.skipped", description: "Scheduled posts skipped, by reason");
    }

    public Counter<long> EventsReceived { get; }

    public Counter<long> InteractionsHandled { get; }

    public Histogram<double> InteractionLatency { get; }

    public Counter<long> AnswersStored { get; }

    public Counter<long> PostsMade { get; }

    public Counter<long> PostsSkipped { get; }

    public void InteractionHandled(string kind, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        InteractionsHandled.Add(1, tag);
        InteractionLatency.Record(elapsed.TotalMilliseconds, tag);
    }

    public void Dispose() => meter.Dispose();
}
