namespace InterviewBot.Discord.Entities;

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
#pragma warning disable CA1720 // Discord's own option type names.
    String = 3,
    Integer = 4,
#pragma warning restore CA1720
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
