using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>CHANNEL_CREATE.</summary>
public sealed record ChannelCreateEvent(Channel Channel) : GatewayEvent;
