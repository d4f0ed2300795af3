using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>READY: the session is identified; guilds follow as GUILD_CREATE.</summary>
public sealed record ReadyEvent(User User, IReadOnlyList<UnavailableGuild> Guilds, string SessionId, Snowflake? ApplicationId, string? ResumeGatewayUrl) : GatewayEvent;
