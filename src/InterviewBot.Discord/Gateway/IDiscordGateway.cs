using System.Threading.Channels;

namespace InterviewBot.Discord.Gateway;

/// <summary>The gateway as the bot sees it: one stream of typed events plus health.</summary>
public interface IDiscordGateway
{
    /// <summary>Every decoded dispatch of every shard. Completes when the gateway stops (with the fatal error, if any).</summary>
    ChannelReader<GatewayEvent> Events { get; }

    GatewayState State { get; }

    /// <summary>The oldest of the shards' last ACKs (null until every shard has one): the health check's signal.</summary>
    HeartbeatAck? LastHeartbeatAck { get; }

    IReadOnlyList<GatewayShardStatus> Shards { get; }

    /// <summary>
    /// Connects every shard and keeps them connected until <paramref name="cancellationToken"/> is cancelled.
    /// Throws <see cref="GatewayFatalException"/> when Discord closes with a code retrying cannot fix.
    /// </summary>
    Task RunAsync(CancellationToken cancellationToken);
}
