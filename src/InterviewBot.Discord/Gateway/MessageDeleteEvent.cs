using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_DELETE.</summary>
public sealed record MessageDeleteEvent(Snowflake Id, Snowflake ChannelId, Snowflake? GuildId) : GatewayEvent;
