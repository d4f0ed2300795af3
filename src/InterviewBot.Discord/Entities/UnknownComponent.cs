using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>A component type this client does not model (e.g. components V2); kept raw so it round-trips.</summary>
public sealed record UnknownComponent : Component
{
    [JsonIgnore]
    public int RawType { get; init; }

    public override ComponentType Type => (ComponentType)RawType;

    [JsonIgnore]
    public JsonElement Raw { get; init; }
}
