namespace DiscordEmulator.Rest;

/// <summary>Outcome of a rate-limit check with everything the headers need.</summary>
internal sealed record RateDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan ResetAfter, string Bucket, string? Scope, TimeSpan RetryAfter);
