using System.Text.Json.Nodes;

namespace DiscordEmulator.Scripting;

/// <summary>The bot's initial response to an interaction: callback type, its data and how long it took.</summary>
public sealed record InteractionResponse(int Type, JsonObject? Data, TimeSpan Latency)
{
    public string? Content => Data?["content"]?.GetValue<string>();

    public bool Ephemeral => long.TryParse(Data?["flags"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var f) && (f & 64) != 0;

    /// <summary>Autocomplete choices (type 8), as (name, value-as-text).</summary>
    public IReadOnlyList<(string Name, string Value)> Choices =>
        Data?["choices"] is JsonArray a
            ? [.. a.OfType<JsonObject>().Select(c => (c["name"]?.ToString() ?? "", c["value"]?.ToString() ?? ""))]
            : [];
}
