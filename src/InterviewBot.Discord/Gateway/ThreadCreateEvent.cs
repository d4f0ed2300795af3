using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>THREAD_CREATE (also when the bot is added to a thread).</summary>
public sealed record ThreadCreateEvent(Channel Thread) : GatewayEvent;
