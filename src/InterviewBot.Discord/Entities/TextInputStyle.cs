namespace InterviewBot.Discord.Entities;

public enum TextInputStyle
{
#pragma warning disable CA1720 // Discord's own style name.
    Short = 1,
#pragma warning restore CA1720
    Paragraph = 2,
}
