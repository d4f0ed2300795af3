using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>GUILD_CREATE: a guild became available or the bot joined it.</summary>
public sealed record GuildCreateEvent(Guild Guild) : GatewayEvent;
