namespace InterviewBot.Discord.Gateway;

/// <summary>When the last heartbeat ACK arrived and how long after its heartbeat.</summary>
public sealed record HeartbeatAck(DateTimeOffset ReceivedAt, TimeSpan Latency);
