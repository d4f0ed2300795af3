namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_REACTION_ADD.</summary>
public sealed record MessageReactionAddEvent(MessageReaction Reaction) : GatewayEvent;
