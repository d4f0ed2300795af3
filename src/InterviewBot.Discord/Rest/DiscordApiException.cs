using System.Globalization;
using System.Net;

namespace InterviewBot.Discord.Rest;

/// <summary>
/// Discord refused a request. Carries the HTTP status and Discord's JSON error code and message; the
/// route is the template (tokens never appear).
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(HttpStatusCode statusCode, int? code, string? discordMessage, string route, string? errorsJson = null)
        : base(Describe(statusCode, code, discordMessage, route))
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage;
        Route = route;
        ErrorsJson = errorsJson;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 50013 missing permissions, 10008 unknown message).</summary>
    public int? Code { get; }

    public string? DiscordMessage { get; }

    /// <summary>"METHOD template", e.g. "POST channels/{channel_id}/messages".</summary>
    public string Route { get; } = "";

    /// <summary>The nested <c>errors</c> object of a 50035 invalid form body, as JSON.</summary>
    public string? ErrorsJson { get; }

    private static string Describe(HttpStatusCode status, int? code, string? message, string route) =>
        string.Create(CultureInfo.InvariantCulture, $"Discord {route} failed with HTTP {(int)status} ({status}){(code is { } c ? $", code {c}" : "")}: {message ?? "no message"}");
}
