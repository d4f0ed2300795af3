namespace DiscordEmulator;

/// <summary>Gateway intent bits the emulator understands.</summary>
public static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMembers = 1 << 1;
    public const int GuildPresences = 1 << 8;
    public const int GuildMessages = 1 << 9;
    public const int GuildMessageReactions = 1 << 10;
    public const int DirectMessages = 1 << 12;
    public const int DirectMessageReactions = 1 << 13;
    public const int MessageContent = 1 << 15;

    /// <summary>Intents that must be switched on in the developer portal.</summary>
    public const int Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Every bit Discord defines (0-25), used to reject unknown bits with close code 4013.</summary>
    public const int Known = (1 << 26) - 1;
}
