using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_CREATE.</summary>
public sealed record MessageCreateEvent(Message Message) : GatewayEvent;
