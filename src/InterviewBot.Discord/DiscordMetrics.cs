using System.Diagnostics.Metrics;

namespace InterviewBot.Discord;

/// <summary>Counters of the "InterviewBot.Discord" meter.</summary>
public sealed class DiscordMetrics : IDisposable
{
    public const string MeterName = "InterviewBot.Discord";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _invalidRequests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _gatewayEvents;
    private readonly Counter<long> _gatewayReconnects;
    private readonly Counter<long> _gatewayMalformed;

    /// <summary>The meter itself, so tests can listen to this instance only.</summary>
    internal Meter Meter => _meter;

    public DiscordMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("discord.rest.requests", description: "REST responses by HTTP status");
        _rateLimited = _meter.CreateCounter<long>("discord.rest.rate_limited", description: "429 responses by scope");
        _invalidRequests = _meter.CreateCounter<long>("discord.rest.invalid_requests", description: "401, 403 and non-shared 429 responses (Cloudflare ban counter)");
        _retries = _meter.CreateCounter<long>("discord.rest.retries", description: "Retries after 5xx or network errors");
        _gatewayEvents = _meter.CreateCounter<long>("discord.gateway.events", description: "Dispatches received by event name");
        _gatewayReconnects = _meter.CreateCounter<long>("discord.gateway.reconnects", description: "Gateway reconnects by reason");
        _gatewayMalformed = _meter.CreateCounter<long>("discord.gateway.malformed", description: "Gateway payloads skipped as malformed");
    }

    internal void Request(int status, string method) =>
        _requests.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("method", method));

    internal void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    internal void InvalidRequest() => _invalidRequests.Add(1);

    internal void Retry(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void GatewayEvent(string name) => _gatewayEvents.Add(1, new KeyValuePair<string, object?>("event", name));

    internal void GatewayReconnect(string reason) => _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void GatewayMalformed() => _gatewayMalformed.Add(1);

    public void Dispose() => _meter.Dispose();
}
