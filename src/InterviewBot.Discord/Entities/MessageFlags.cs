namespace InterviewBot.Discord.Entities;

[Flags]
#pragma warning disable CA1711 // Discord calls this field flags.
public enum MessageFlags
#pragma warning restore CA1711
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    HasThread = 1 << 5,
    Ephemeral = 1 << 6,
    Loading = 1 << 7,
    SuppressNotifications = 1 << 12,
    IsVoiceMessage = 1 << 13,
    IsComponentsV2 = 1 << 15,
}
