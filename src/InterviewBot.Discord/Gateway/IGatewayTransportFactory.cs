namespace InterviewBot.Discord.Gateway;

public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}
