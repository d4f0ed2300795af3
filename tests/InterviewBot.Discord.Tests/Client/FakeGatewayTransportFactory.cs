using System.Threading.Channels;
using InterviewBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Client;

internal sealed class FakeGatewayTransportFactory(FakeTimeProvider time) : IGatewayTransportFactory
{
    private readonly Channel<FakeGatewayTransport> _connections = Channel.CreateUnbounded<FakeGatewayTransport>();
    private int _created;

    public int Created => Volatile.Read(ref _created);

    /// <summary>Whether new connections ACK heartbeats by themselves.</summary>
    public bool AutoAck { get; set; } = true;

    public IGatewayTransport Create()
    {
        var transport = new FakeGatewayTransport(time, AutoAck);
        Interlocked.Increment(ref _created);
        _connections.Writer.TryWrite(transport);
        return transport;
    }

    public async Task<FakeGatewayTransport> NextConnectionAsync() => await _connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Advances the fake clock step by step until the client opens another connection.</summary>
    public async Task<FakeGatewayTransport> NextConnectionAsync(FakeTimeProvider clock, TimeSpan step)
    {
        for (var i = 0; i < 2000; i++)
        {
            if (_connections.Reader.TryRead(out var transport))
            {
                return transport;
            }

            await Task.Delay(2);
            clock.Advance(step);
        }

        throw new TimeoutException("no new gateway connection");
    }
}
