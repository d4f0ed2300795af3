namespace DiscordEmulator.State;

/// <summary>Discord channel types the emulator models.</summary>
public enum ChannelType
{
    GuildText = 0,
    DirectMessage = 1,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
}
