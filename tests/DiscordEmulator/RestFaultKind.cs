namespace DiscordEmulator;

/// <summary>Kinds of scripted REST failure.</summary>
internal enum RestFaultKind
{
    Fail,
    Delay,
    RateLimit,
    Hang,
}
