using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_UPDATE: partial, null fields were not sent.</summary>
public sealed record MessageUpdateEvent(PartialMessage Message) : GatewayEvent;
