using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using InterviewBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>A scripted gateway connection: the test plays Discord, the client under test plays itself.</summary>
internal sealed class FakeGatewayTransport(FakeTimeProvider time, bool autoAck) : IGatewayTransport
{
    private readonly Channel<GatewayFrame> _incoming = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<SentPayload> _sent = Channel.CreateUnbounded<SentPayload>();
    private readonly Queue<SentPayload> _skipped = new();

    /// <summary>Answer every heartbeat with an ACK, as a healthy Discord does.</summary>
    public bool AutoAck { get; set; } = autoAck;

    public Uri? Uri { get; private set; }

    public DateTimeOffset ConnectedAt { get; private set; }

    public int? ClientCloseCode { get; private set; }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        Uri = uri;
        ConnectedAt = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var sent = new SentPayload(document.RootElement.Clone(), time.GetUtcNow());
        _sent.Writer.TryWrite(sent);
        if (AutoAck && sent.Op == 1)
        {
            ServerSend("""{"op":11}""");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken) => _incoming.Reader.ReadAsync(cancellationToken);

    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        ClientCloseCode ??= code;
        _incoming.Writer.TryWrite(GatewayFrame.Closed(code, reason));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void ServerSend(string json) => ServerSend(Encoding.UTF8.GetBytes(json));

    public void ServerSend(byte[] utf8) => _incoming.Writer.TryWrite(GatewayFrame.Message(utf8));

    public void ServerSendFixture(string name) => ServerSend(Fixture.Bytes(name));

    public void ServerHello(int intervalMs = 1000) => ServerSend($$$"""{"op":10,"d":{"heartbeat_interval":{{{intervalMs}}}}}""");

    public void ServerReady(long sequence = 1) => ServerSend("{\"op\":0,\"s\":" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) + ""","t":"READY","d":{"v":10,"user":{"id":"1","username":"bot","bot":true},"guilds":[],"session_id":"session-abc","resume_gateway_url":"wss://resume.test","application":{"id":"2","flags":0}}}""");

    public void ServerClose(int code) => _incoming.Writer.TryWrite(GatewayFrame.Closed(code, "server close"));

    public async Task<SentPayload> NextSentAsync()
    {
        lock (_skipped)
        {
            if (_skipped.TryDequeue(out var skipped))
            {
                return skipped;
            }
        }

        return await _sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>The next payload with this op; others are kept for later reads.</summary>
    public async Task<SentPayload> NextSentAsync(int op)
    {
        lock (_skipped)
        {
            var match = _skipped.FirstOrDefault(p => p.Op == op);
            if (match is not null)
            {
                var rest = _skipped.Where(p => !ReferenceEquals(p, match)).ToList();
                _skipped.Clear();
                rest.ForEach(_skipped.Enqueue);
                return match;
            }
        }

        while (true)
        {
            var sent = await _sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
            if (sent.Op == op)
            {
                return sent;
            }

            lock (_skipped)
            {
                _skipped.Enqueue(sent);
            }
        }
    }

    public bool TryTakeSent(out SentPayload sent)
    {
        lock (_skipped)
        {
            if (_skipped.TryDequeue(out var skipped))
            {
                sent = skipped;
                return true;
            }
        }

        return _sent.Reader.TryRead(out sent!);
    }
}
