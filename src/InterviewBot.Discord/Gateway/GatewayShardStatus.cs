namespace InterviewBot.Discord.Gateway;

public sealed record GatewayShardStatus(int ShardId, GatewayState State, HeartbeatAck? LastHeartbeatAck);
