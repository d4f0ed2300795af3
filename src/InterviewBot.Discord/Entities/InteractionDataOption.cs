using System.Globalization;
using System.Text.Json;

namespace InterviewBot.Discord.Entities;

/// <summary>An option the user filled in; sub-commands and groups nest their own options.</summary>
public sealed record InteractionDataOption
{
    public required string Name { get; init; }

    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>String, integer, number or boolean, depending on <see cref="Type"/>. Absent for sub-commands.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>True on the option being typed in an autocomplete interaction.</summary>
    public bool? Focused { get; init; }

    /// <summary>The value as text whatever its JSON kind (autocomplete may send partial input as a string).</summary>
    public string? GetString() => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public long? GetInt64() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public double? GetDouble() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetDouble(out var n) => n,
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public bool? GetBoolean() => Value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The value as a snowflake (user, channel, role, mentionable and attachment options).</summary>
    public Snowflake? GetSnowflake() => Snowflake.TryParse(GetString(), out var id) ? id : null;
}
