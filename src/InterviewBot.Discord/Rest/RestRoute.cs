namespace InterviewBot.Discord.Rest;

/// <summary>
/// One request's route: the template (for buckets, logs and errors), the concrete path (may contain a
/// token: never logged) and the major parameter that splits rate limits.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false)
{
    public string RouteKey => $"{Method.Method} {Template}";

    public override string ToString() => RouteKey;
}
