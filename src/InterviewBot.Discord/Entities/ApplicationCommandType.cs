namespace InterviewBot.Discord.Entities;

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}
