using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>CHANNEL_UPDATE.</summary>
public sealed record ChannelUpdateEvent(Channel Channel) : GatewayEvent;
