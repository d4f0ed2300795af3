using System.Buffers;
using System.Net.WebSockets;

namespace InterviewBot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/> (JSON encoding, no compression).</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        await _socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(_buffer.Length);
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayFrame.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            }

            message.Write(_buffer.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return GatewayFrame.Message(message.WrittenMemory);
            }
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            // Output-close only: waiting for Discord's echo could hang on exactly the dead connections we are leaving.
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
