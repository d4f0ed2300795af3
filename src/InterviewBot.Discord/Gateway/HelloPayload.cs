namespace InterviewBot.Discord.Gateway;

public sealed record HelloPayload
{
    public int HeartbeatInterval { get; init; }
}
