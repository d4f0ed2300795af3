namespace InterviewBot.Discord.Gateway;

/// <summary>RESUMED: missed events were replayed.</summary>
public sealed record ResumedEvent : GatewayEvent;
