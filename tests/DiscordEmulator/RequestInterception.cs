namespace DiscordEmulator;

/// <summary>A scripted callback on matching REST requests (see <see cref="FaultInjector.InterceptRequests"/>).</summary>
internal sealed class RequestInterception(Func<RestRequestInfo, bool> match, RequestStage stage, Action<RestRequestInfo> callback, bool answer, int times)
{
    public Func<RestRequestInfo, bool> Match { get; } = match;

    public RequestStage Stage { get; } = stage;

    public Action<RestRequestInfo> Callback { get; } = callback;

    /// <summary>Whether the request is answered after the callback; false drops the connection instead.</summary>
    public bool Answer { get; } = answer;

    public int Remaining { get; set; } = times;
}
