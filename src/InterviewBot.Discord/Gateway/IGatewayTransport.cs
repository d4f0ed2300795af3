namespace InterviewBot.Discord.Gateway;

/// <summary>One gateway connection: the only thing the gateway logic needs from a WebSocket.</summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one complete text message. Callers never send concurrently.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>The next complete message, or a close frame. Throws when the connection breaks without one.</summary>
    ValueTask<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with <paramref name="code"/>; 1000/1001 end the Discord session, other codes keep it resumable.</summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);
}
