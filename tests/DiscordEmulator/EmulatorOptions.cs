namespace DiscordEmulator;

/// <summary>How the emulated Discord behaves. Every limit is configurable so tests and benchmarks can run fast.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The one bot token the emulator accepts (REST <c>Bot &lt;token&gt;</c>, gateway Identify).</summary>
    public string BotToken { get; set; } = "emulator-bot-token";

    /// <summary>The bot user's name.</summary>
    public string BotUserName { get; set; } = "InterviewBot";

    /// <summary>Heartbeat interval sent in Hello; Discord sends about 41250 ms, tests use small values.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>Slack added to the heartbeat window before a late or early heartbeat counts as a violation.</summary>
    public TimeSpan HeartbeatTolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay before Hello is sent, to catch clients that Identify without waiting for Hello.</summary>
    public TimeSpan HelloDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Privileged intents switched on "in the portal". MESSAGE_CONTENT (1 &lt;&lt; 15) by default.</summary>
    public int AllowedPrivilegedIntents { get; set; } = GatewayIntents.MessageContent;

    /// <summary>Shard count recommended by GET /gateway/bot.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>Identify concurrency reported by GET /gateway/bot.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// When true, a second Identify for the same rate-limit key (shard_id % max_concurrency) within 5 s gets
    /// op 9 Invalid Session instead of READY, as Discord does. Off by default so restarts in tests stay fast.
    /// </summary>
    public bool EnforceIdentifyConcurrency { get; set; }

    /// <summary>Events a client may send per <see cref="GatewaySendWindow"/> (Discord: 120 per 60 s).</summary>
    public int GatewaySendLimit { get; set; } = 120;

    /// <summary>The window of <see cref="GatewaySendLimit"/>.</summary>
    public TimeSpan GatewaySendWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest payload a client may send (Discord: 4096 bytes).</summary>
    public int MaxGatewayPayloadBytes { get; set; } = 4096;

    /// <summary>How many dispatches a session keeps for replay on Resume.</summary>
    public int ResumeBufferSize { get; set; } = 2000;

    /// <summary>The initial interaction response must arrive within this time (Discord: 3 s).</summary>
    public TimeSpan InteractionCallbackDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token accepts followups and edits (Discord: 15 min).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether threads archive themselves after auto_archive_duration minutes without a message, as on
    /// Discord (checked whenever the thread is touched, with THREAD_UPDATE).
    /// </summary>
    public bool AutoArchiveThreads { get; set; } = true;

    /// <summary>How long a nonce with enforce_nonce is remembered ("a few minutes" in the docs).</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether every REST request is kept in <see cref="DiscordEmulatorServer.Requests"/> with its bodies.
    /// Benchmarks that send many requests can switch it off; counters and request waiters still work.
    /// </summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>REST rate-limit bucket sizes.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Clock for every rule that involves time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
