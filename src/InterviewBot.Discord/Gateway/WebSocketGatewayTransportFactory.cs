namespace InterviewBot.Discord.Gateway;

public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
