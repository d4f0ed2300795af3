namespace DiscordEmulator;

/// <summary>Discord permission bits (the ones the emulator checks, plus common ones).</summary>
[Flags]
#pragma warning disable CA1028 // Discord permissions are a 64-bit field; ulong is the honest storage.
public enum Permissions : ulong
#pragma warning restore CA1028
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    SendTtsMessages = 1UL << 12,
    ManageMessages = 1UL << 13,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    UseExternalEmojis = 1UL << 18,
    ManageRoles = 1UL << 28,
    UseApplicationCommands = 1UL << 31,
    ManageThreads = 1UL << 34,
    CreatePublicThreads = 1UL << 35,
    CreatePrivateThreads = 1UL << 36,
    SendMessagesInThreads = 1UL << 38,

    /// <summary>What @everyone gets in a fresh emulated guild.</summary>
    EveryoneDefault = ViewChannel | SendMessages | SendMessagesInThreads | ReadMessageHistory | AddReactions
        | EmbedLinks | AttachFiles | UseApplicationCommands | CreatePublicThreads | CreatePrivateThreads | UseExternalEmojis,

    /// <summary>What the bot's managed role gets unless a test says otherwise (the invite's permission set).</summary>
    BotDefault = ViewChannel | SendMessages | SendMessagesInThreads | CreatePublicThreads | CreatePrivateThreads
        | ManageThreads | ReadMessageHistory | EmbedLinks | AddReactions | AttachFiles | ManageGuild | UseExternalEmojis,

    All = ulong.MaxValue >> 12,
}
