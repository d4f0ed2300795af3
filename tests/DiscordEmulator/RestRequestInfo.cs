namespace DiscordEmulator;

/// <summary>What a REST fault predicate sees: method, concrete path and route template (e.g. "/channels/{channel_id}/messages").</summary>
public sealed record RestRequestInfo(string Method, string Path, string Route)
{
    public string RouteKey => $"{Method} {Route}";
}
