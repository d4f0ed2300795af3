using System.Text.Json.Nodes;

namespace DiscordEmulator.Rest;

/// <summary>Status and JSON body of a handled request.</summary>
internal sealed record RestResult(int Status, JsonNode? Body)
{
    public static RestResult Ok(JsonNode body) => new(200, body);

    public static RestResult Created(JsonNode body) => new(201, body);

    public static RestResult NoContent() => new(204, null);
}
