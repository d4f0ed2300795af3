using InterviewBot.Discord.Gateway;

namespace InterviewBot.Discord;

/// <summary>Settings of the Discord client (REST and gateway).</summary>
public sealed class DiscordClientOptions
{
    /// <summary>The bot token, without the "Bot " prefix. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL including the version; the emulator's URL in tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10/";

    /// <summary>When set, used instead of the URL from GET /gateway/bot (tests, proxies).</summary>
    public string? GatewayUrlOverride { get; set; }

    public GatewayIntents Intents { get; set; } = GatewayIntents.Default;

    /// <summary>Shard count; null uses Discord's recommendation from GET /gateway/bot.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The URL in <c>User-Agent: DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/interviewbot/interviewbot";

    public string UserAgentVersion { get; set; } = typeof(DiscordClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    /// <summary>
    /// How long one REST attempt may wait for Discord's answer. A request still unanswered then is abandoned and counts
    /// as a network error: retried (up to <see cref="MaxRetries"/>, reason <c>timeout</c>), then reported with
    /// <see cref="Rest.DiscordApiException"/>, so a hung connection never blocks a handler for good.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of 5xx answers and network errors (exponential backoff), per request.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Retries after 429s, per request, before giving up with <see cref="Rest.DiscordApiException"/>.</summary>
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>
    /// Proactive global request limit (Discord allows 50/s per bot), counted as Discord counts it: a request holds one
    /// of this many slots until one second after its response, so no one-second window at the server sees more
    /// (<see cref="Rest.GlobalRateLimit"/>). Interaction routes are exempt.
    /// </summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Capacity of the bounded event channel; the gateway waits when it is full.</summary>
    public int EventQueueCapacity { get; set; } = 1024;
}
