namespace InterviewBot.Discord.Rest;

/// <summary>What a 429 limited (X-RateLimit-Scope plus the global flag).</summary>
internal enum RateLimitScope
{
    None,
    User,
    Shared,
    Global,
}
