namespace InterviewBot.Discord.Entities;

public enum MessageType
{
    Default = 0,
    ChannelPinnedMessage = 6,
    UserJoin = 7,
    ThreadCreated = 18,
    Reply = 19,
    ChatInputCommand = 20,
    ThreadStarterMessage = 21,
    ContextMenuCommand = 23,
}
