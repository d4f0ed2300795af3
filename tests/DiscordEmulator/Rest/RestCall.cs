using System.Text.Json.Nodes;
using DiscordEmulator.State;
using Microsoft.AspNetCore.Http;

namespace DiscordEmulator.Rest;

/// <summary>One REST request as a route handler sees it.</summary>
internal sealed class RestCall(EmulatorState state, string method, string path, IReadOnlyDictionary<string, string> parameters, IQueryCollection query, JsonNode? body, JsonArray? files)
{
    public EmulatorState State { get; } = state;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    public IQueryCollection Query { get; } = query;

    public JsonNode? Body { get; } = body;

    /// <summary>Attachments uploaded as files[n] in a multipart body (already shaped as attachment objects).</summary>
    public JsonArray? Files { get; } = files;

    public string Param(string name) => Parameters[name];

    /// <summary>A snowflake route parameter; anything else is a 50035 like Discord's "is not snowflake".</summary>
    public ulong Id(string name)
    {
        if (Json.ParseSnowflake(Parameters[name]) is { } id)
        {
            return id;
        }

        var errors = new FormErrors();
        errors.Add(name, "NUMBER_TYPE_COERCE", $"Value \"{Parameters[name]}\" is not snowflake.");
        throw DiscordApiException.InvalidForm(errors);
    }

    public JsonObject Object()
    {
        if (Body is JsonObject o)
        {
            return o;
        }

        if (Body is null)
        {
            return [];
        }

        throw DiscordApiException.InvalidJson();
    }

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v.ToString() : null;
}
