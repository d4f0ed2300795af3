using System.Text.Json.Nodes;

namespace DiscordEmulator.Rest;

/// <summary>Raised by a route handler to answer with a Discord-shaped error body {code, message, errors?}.</summary>
internal sealed class DiscordApiException(int status, int code, string message, JsonObject? errors = null) : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public JsonObject? Errors { get; } = errors;

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["message"] = Message, ["code"] = Code };
        if (Errors is not null)
        {
            o["errors"] = Errors;
        }

        return o;
    }

    public static DiscordApiException UnknownChannel() => new(404, 10003, "Unknown Channel");

    public static DiscordApiException UnknownMessage() => new(404, 10008, "Unknown Message");

    public static DiscordApiException UnknownGuild() => new(404, 10004, "Unknown Guild");

    public static DiscordApiException UnknownMember() => new(404, 10007, "Unknown Member");

    public static DiscordApiException UnknownUser() => new(404, 10013, "Unknown User");

    public static DiscordApiException UnknownInteraction() => new(404, 10062, "Unknown interaction");

    public static DiscordApiException UnknownWebhook() => new(404, 10015, "Unknown Webhook");

    public static DiscordApiException MissingAccess() => new(403, 50001, "Missing Access");

    public static DiscordApiException MissingPermissions() => new(403, 50013, "Missing Permissions");

    public static DiscordApiException ArchivedThread() => new(400, 50083, "Thread is archived");

    public static DiscordApiException LockedThread() => new(403, 160005, "Thread is locked");

    public static DiscordApiException InvalidForm(FormErrors errors) => new(400, 50035, "Invalid Form Body", errors.ToJson());

    public static DiscordApiException InvalidJson() => new(400, 50109, "The request body contains invalid JSON.");
}
