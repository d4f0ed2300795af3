using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>GUILD_DELETE: Unavailable true means an outage, otherwise the bot left or was removed.</summary>
public sealed record GuildDeleteEvent(UnavailableGuild Guild) : GatewayEvent;
