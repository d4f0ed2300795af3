using System.Text.Json.Nodes;

namespace DiscordEmulator;

/// <summary>One REST call as the emulator saw it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Route,
    int Status,
    JsonNode? Body,
    JsonNode? ResponseBody,
    DateTimeOffset Time,
    string? UserAgent)
{
    /// <summary>A 429 of a shared (per-resource) limit, which Discord does not count as invalid.</summary>
    public bool SharedScope { get; init; }

    /// <summary>Route key as used for rate-limit overrides, e.g. "POST /channels/{channel_id}/messages".</summary>
    public string RouteKey => $"{Method} {Route}";
}
