namespace InterviewBot.Discord.Gateway;

public sealed record IdentifyPayload
{
    public required string Token { get; init; }

    public required IdentifyProperties Properties { get; init; }

    public required int Intents { get; init; }

    public IReadOnlyList<int>? Shard { get; init; }

    public int? LargeThreshold { get; init; }

    public override string ToString() => $"Identify {{ Intents = {Intents}, Shard = [{string.Join(',', Shard ?? [])}] }}";
}
