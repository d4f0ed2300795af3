namespace InterviewBot.Discord.Gateway;

[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,
    GuildModeration = 1 << 2,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    GuildMessageTyping = 1 << 11,
    DirectMessages = 1 << 12,
    DirectMessageReactions = 1 << 13,
    MessageContent = 1 << 15,

    /// <summary>What the client asks for unless configured otherwise.</summary>
    Default = Guilds | GuildMessages | MessageContent | GuildMessageReactions,
}
