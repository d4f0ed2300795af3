using System.Diagnostics.Metrics;
using InterviewBot.Discord.Gateway;

namespace InterviewBot.Health;

/// <summary>
/// The bot's instruments (System.Diagnostics.Metrics, meter "InterviewBot"), so an operator can attach any collector
/// (dotnet-counters, OpenTelemetry). REST calls by status and 429s live in the Discord client's own meter
/// ("InterviewBot.Discord"). docs/reliability.md lists every instrument with its tags.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "InterviewBot";

    private readonly Meter meter;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        EventsReceived = meter.CreateCounter<long>("interviewbot.gateway.events", description: "Gateway dispatches routed, by event (interaction, message_create, message_update, message_delete, ready, other)");
        InteractionsHandled = meter.CreateCounter<long>("interviewbot.interactions", description: "Interactions handled, by kind and outcome (ok, failed)");
        InteractionLatency = meter.CreateHistogram<double>("interviewbot.interactions.ack_latency", unit: "ms", description: "Time from receiving an interaction to its first response or deferral, by kind");
        AnswersStored = meter.CreateCounter<long>("interviewbot.answers.stored", description: "Answer messages stored (created, edited or back-filled), by late (after the reveal)");
        PostsMade = meter.CreateCounter<long>("interviewbot.posts", description: "Questions posted, by source");
        PostsSkipped = meter.CreateCounter<long>("interviewbot.posts.skipped", description: "Scheduled posts skipped, by reason (paused, skip_next, no_question, missed)");
    }

    public Counter<long> EventsReceived { get; }

    public Counter<long> InteractionsHandled { get; }

    public Histogram<double> InteractionLatency { get; }

    public Counter<long> AnswersStored { get; }

    public Counter<long> PostsMade { get; }

    public Counter<long> PostsSkipped { get; }

    public void EventReceived(GatewayEvent gatewayEvent) =>
        EventsReceived.Add(1, new KeyValuePair<string, object?>("event", gatewayEvent switch
        {
            InteractionCreateEvent => "interaction",
            MessageCreateEvent => "message_create",
            MessageUpdateEvent => "message_update",
            MessageDeleteEvent => "message_delete",
            ReadyEvent => "ready",
            _ => "other",
        }));

    public void InteractionAcknowledged(string kind, TimeSpan elapsed) =>
        InteractionLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind));

    public void InteractionHandled(string kind, bool failed) =>
        InteractionsHandled.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));

    public void PostSkipped(string reason) => PostsSkipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => meter.Dispose();
}
