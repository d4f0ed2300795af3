namespace InterviewBot.Discord.Gateway;

public enum GatewayState
{
    Disconnected,
    Connecting,
    Ready,
    Resuming,

    /// <summary>Stopped for good: shut down, or a fatal close code (see <see cref="GatewayFatalException"/>).</summary>
    Stopped,
}
