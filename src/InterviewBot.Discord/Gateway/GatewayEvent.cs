namespace InterviewBot.Discord.Gateway;

/// <summary>A decoded dispatch. The only seam between the gateway and the bot.</summary>
public abstract record GatewayEvent
{
    /// <summary>The shard that received it.</summary>
    public int ShardId { get; init; }
}
