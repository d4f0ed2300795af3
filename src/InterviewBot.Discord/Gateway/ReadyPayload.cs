using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

public sealed record ReadyPayload
{
    public int V { get; init; }

    public required User User { get; init; }

    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    public required string SessionId { get; init; }

    public string? ResumeGatewayUrl { get; init; }

    public IReadOnlyList<int>? Shard { get; init; }

    public Application? Application { get; init; }
}
