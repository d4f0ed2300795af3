namespace InterviewBot.Discord.Entities;

public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}
