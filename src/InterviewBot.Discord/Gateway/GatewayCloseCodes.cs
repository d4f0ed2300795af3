namespace InterviewBot.Discord.Gateway;

/// <summary>Close codes and what the client does with each.</summary>
public static class GatewayCloseCodes
{
    /// <summary>What we close with to leave a session resumable (zombie, op 7, op 9). Not 1000/1001, which end the session.</summary>
    public const int ClientReconnect = 3000;

    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>The session is gone: reconnect with a fresh Identify.</summary>
    public static bool RequiresNewSession(int? code) => code is NotAuthenticated or InvalidSequence or SessionTimedOut;

    /// <summary>A message for codes that stop the client, or null when reconnecting can help.</summary>
    public static string? FatalReason(int? code) => code switch
    {
        AuthenticationFailed => "Discord rejected the bot token (gateway close 4004, authentication failed). Reset the token in the Developer Portal → Bot and update the configured token.",
        InvalidShard => "Discord rejected the shard settings (gateway close 4010, invalid shard). Check the configured shard count.",
        ShardingRequired => "Discord requires more shards for this bot (gateway close 4011, sharding required). Leave the shard count unset to use Discord's recommendation.",
        InvalidApiVersion => "Discord rejected the gateway API version (gateway close 4012).",
        InvalidIntents => "Discord rejected the gateway intents (gateway close 4013, invalid intents). Check the configured intents.",
        DisallowedIntents => "Discord refused a privileged intent (gateway close 4014, disallowed intents). Enable the Message Content privileged intent in the Developer Portal → Bot → Privileged Gateway Intents, or remove it from the configured intents.",
        _ => null,
    };
}
