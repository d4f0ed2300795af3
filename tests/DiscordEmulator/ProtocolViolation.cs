namespace DiscordEmulator;

/// <summary>Something the client did that real Discord would punish or reject.</summary>
public sealed record ProtocolViolation(string Kind, string Detail, DateTimeOffset Time)
{
    public override string ToString() => $"{Kind}: {Detail}";
}
