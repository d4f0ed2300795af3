namespace InterviewBot.Discord.Gateway;

/// <summary>One received WebSocket message, or the close that ended the connection.</summary>
public readonly record struct GatewayFrame(ReadOnlyMemory<byte> Payload, bool IsClose, int? CloseCode = null, string? CloseReason = null)
{
    public static GatewayFrame Message(ReadOnlyMemory<byte> payload) => new(payload, false);

    public static GatewayFrame Closed(int? code, string? reason) => new(ReadOnlyMemory<byte>.Empty, true, code, reason);
}
