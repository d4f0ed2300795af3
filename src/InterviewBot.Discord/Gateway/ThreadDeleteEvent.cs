using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>THREAD_DELETE: only id, guild_id, parent_id and type are set.</summary>
public sealed record ThreadDeleteEvent(Channel Thread) : GatewayEvent;
