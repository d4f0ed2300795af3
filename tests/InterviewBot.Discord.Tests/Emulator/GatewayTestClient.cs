using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace InterviewBot.Discord.Tests.Emulator;

/// <summary>A bare ClientWebSocket speaking the gateway protocol by hand, to test the emulator without our client.</summary>
public sealed class GatewayTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public int? CloseCode { get; private set; }

    public int LastSeq { get; private set; }

    /// <summary>Every payload received so far, in order.</summary>
    public List<JsonObject> Received { get; } = [];

    public static async Task<GatewayTestClient> ConnectAsync(Uri gatewayUrl, string query = "?v=10&encoding=json")
    {
        var client = new GatewayTestClient();
        using var cts = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(new Uri(gatewayUrl, query), cts.Token);
        return client;
    }

    /// <summary>The next payload, or null once the server closed (see <see cref="CloseCode"/>) or dropped the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        try
        {
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseCode = (int?)result.CloseStatus;
                    return null;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (WebSocketException)
        {
            return null;
        }

        var payload = JsonNode.Parse(message.ToArray())!.AsObject();
        Received.Add(payload);
        if (payload["s"] is JsonValue s)
        {
            LastSeq = s.GetValue<int>();
        }

        return payload;
    }

    /// <summary>Receives until a payload matches; fails if the socket closes first.</summary>
    public async Task<JsonObject> ReceiveUntilAsync(Func<JsonObject, bool> predicate)
    {
        while (true)
        {
            var payload = await ReceiveAsync() ?? throw new InvalidOperationException($"Gateway closed ({CloseCode}) before the expected payload.");
            if (predicate(payload))
            {
                return payload;
            }
        }
    }

    public Task<JsonObject> ReceiveDispatchAsync(string type) =>
        ReceiveUntilAsync(p => p["op"]!.GetValue<int>() == 0 && p["t"]!.GetValue<string>() == type);

    /// <summary>Reads until the server closes; returns the close code (null for a drop without close frame).</summary>
    public async Task<int?> WaitForCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return CloseCode;
    }

    public Task SendAsync(JsonNode payload) => SendRawAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    public async Task SendRawAsync(byte[] bytes)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cts.Token);
    }

    public Task SendHeartbeatAsync() => SendAsync(new JsonObject { ["op"] = 1, ["d"] = LastSeq == 0 ? null : LastSeq });

    public Task SendIdentifyAsync(string token, int intents, JsonArray? shard = null)
    {
        var d = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
        };
        if (shard is not null)
        {
            d["shard"] = shard;
        }

        return SendAsync(new JsonObject { ["op"] = 2, ["d"] = d });
    }

    /// <summary>Waits for Hello, identifies and returns READY's d.</summary>
    public async Task<JsonObject> IdentifyAsync(string token, int intents = 38401)
    {
        await ReceiveUntilAsync(p => p["op"]!.GetValue<int>() == 10);
        await SendIdentifyAsync(token, intents);
        return (await ReceiveDispatchAsync("READY"))["d"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync((WebSocketCloseStatus)4000, "test done", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
