using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>CHANNEL_DELETE.</summary>
public sealed record ChannelDeleteEvent(Channel Channel) : GatewayEvent;
