using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>Small helpers for Discord-shaped JSON: snowflakes as strings, ISO timestamps.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static JsonNode? Id(ulong? id) => id is { } v ? JsonValue.Create(Id(v)) : null;

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? t) => t is { } v ? JsonValue.Create(Time(v)) : null;

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static string? GetString(JsonObject? o, string name) =>
        o is not null && o.TryGetPropertyValue(name, out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Has(JsonObject? o, string name) => o is not null && o.ContainsKey(name);

    public static bool IsNull(JsonObject o, string name) => o.TryGetPropertyValue(name, out var n) && n is null;

    public static long? GetLong(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var n) || n is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d))
        {
            return (long)d;
        }

        return v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    public static bool? GetBool(JsonObject? o, string name) =>
        o is not null && o.TryGetPropertyValue(name, out var n) && n is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static ulong? GetSnowflake(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var n) || n is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<string>(out var s))
        {
            return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }

        return v.TryGetValue<ulong>(out var u) ? u : null;
    }

    public static ulong? ParseSnowflake(string? s) =>
        ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var a = new JsonArray();
        foreach (var item in items)
        {
            a.Add(item);
        }

        return a;
    }

    /// <summary>Length as Discord counts it: trimmed, in UTF-16 characters.</summary>
    public static int Length(string? s) => s?.Trim().Length ?? 0;
}
