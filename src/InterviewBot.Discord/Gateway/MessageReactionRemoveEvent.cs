namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_REACTION_REMOVE.</summary>
public sealed record MessageReactionRemoveEvent(MessageReaction Reaction) : GatewayEvent;
