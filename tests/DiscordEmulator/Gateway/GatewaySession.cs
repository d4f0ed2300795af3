using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Gateway;

/// <summary>
/// A gateway session (what Identify creates and Resume continues). It outlives its connections: dispatches sent
/// while no connection is attached are kept and replayed on Resume. All members are used under the state gate.
/// </summary>
internal sealed class GatewaySession(string sessionId, int intents, int shardId, int shardCount, int bufferSize)
{
    private readonly LinkedList<(int Seq, string Type, byte[] Payload)> _log = new();

    public string SessionId { get; } = sessionId;

    public int Intents { get; } = intents;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public int Seq { get; private set; }

    public bool Invalidated { get; set; }

    public GatewayConnection? Connection { get; set; }

    public bool Has(int intent) => (Intents & intent) == intent;

    public bool OwnsGuild(ulong? guildId) => guildId is { } g ? (int)((g >> 22) % (ulong)ShardCount) == ShardId : ShardId == 0;

    public void Dispatch(string type, JsonNode? data)
    {
        Seq++;
        var payload = new JsonObject { ["op"] = 0, ["d"] = data, ["s"] = Seq, ["t"] = type };
        var bytes = System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
        _log.AddLast((Seq, type, bytes));
        while (_log.Count > bufferSize)
        {
            _log.RemoveFirst();
        }

        Connection?.SendRaw(bytes);
    }

    /// <summary>Whether every dispatch after <paramref name="seq"/> is still in the buffer.</summary>
    public bool CanReplayFrom(int seq) => seq <= Seq && (_log.First is null || _log.First.Value.Seq <= seq + 1);

    public IEnumerable<byte[]> After(int seq) => _log.Where(e => e.Seq > seq).Select(e => e.Payload);

    /// <summary>Event types dispatched so far, in order (for tests).</summary>
    public IReadOnlyList<string> Types => [.. _log.Select(e => e.Type)];
}
