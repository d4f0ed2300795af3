using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>INTERACTION_CREATE: respond within 3 s.</summary>
public sealed record InteractionCreateEvent(Interaction Interaction) : GatewayEvent;
