using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>Reads permissions from a decimal string (bits beyond 64 are dropped); writes a decimal string.</summary>
public sealed class PermissionsJsonConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return (Permissions)number;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Permissions must be a decimal string.");
        }

        var text = reader.GetString();
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return (Permissions)bits;
        }

        // Discord may add bits above 63 one day; keep the ones we can represent.
        if (BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var big) && big.Sign >= 0)
        {
            return (Permissions)(ulong)(big & ulong.MaxValue);
        }

        throw new JsonException("Permissions must be a decimal string.");
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
    }
}
