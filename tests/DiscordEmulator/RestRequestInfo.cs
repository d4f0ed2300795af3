using System.Text.Json.Nodes;

namespace DiscordEmulator;

/// <summary>What a REST fault predicate sees: method, concrete path and route template (e.g. "/channels/{channel_id}/messages").</summary>
public sealed record RestRequestInfo(string Method, string Path, string Route)
{
    public string RouteKey => $"{Method} {Route}";

    /// <summary>The JSON body (<c>payload_json</c> of a multipart request), or null. Read it; do not change it.</summary>
    public JsonNode? Body { get; init; }
}
