using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>
/// A message or modal component. Decoded by its numeric <c>type</c>; types this client does not model
/// become <see cref="UnknownComponent"/> instead of failing the whole payload.
/// </summary>
[JsonConverter(typeof(ComponentJsonConverter))]
public abstract record Component
{
    [JsonPropertyOrder(-10)]
    public abstract ComponentType Type { get; }

    /// <summary>Optional 32-bit id, unique in the message; Discord assigns one when missing.</summary>
    [JsonPropertyOrder(-9)]
    public int? Id { get; init; }
}
