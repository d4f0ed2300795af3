namespace InterviewBot.Discord.Gateway;

/// <summary>
/// Discord closed the gateway with a code that retrying cannot fix (bad token, disallowed intents, ...).
/// The message says what to change; the gateway stops instead of looping.
/// </summary>
public sealed class GatewayFatalException : Exception
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message)
        : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayFatalException(int closeCode, string message)
        : base(message)
    {
        CloseCode = closeCode;
    }

    public int? CloseCode { get; }
}
