using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>THREAD_UPDATE: archived/locked changes live in ThreadMetadata.</summary>
public sealed record ThreadUpdateEvent(Channel Thread) : GatewayEvent;
