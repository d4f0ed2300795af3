namespace DiscordEmulator;

/// <summary>Size and window of one route's rate-limit bucket.</summary>
public sealed record RouteLimit(int Limit, TimeSpan Window);
