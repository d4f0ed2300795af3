namespace DiscordEmulator;

/// <summary>A scripted REST failure: which requests it hits, what it does, how many more times.</summary>
internal sealed class RestFault(Func<RestRequestInfo, bool> match, RestFaultKind kind, int times)
{
    public Func<RestRequestInfo, bool> Match { get; } = match;

    public RestFaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = times;

    public int Status { get; init; }

    public TimeSpan Delay { get; init; }

    public bool Global { get; init; }
}
