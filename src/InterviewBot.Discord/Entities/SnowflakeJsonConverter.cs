using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>Reads a snowflake from a JSON string (or, leniently, a number); always writes a string.</summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return new Snowflake(number);
        }

        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            if (!reader.ValueIsEscaped && Utf8Parser.TryParse(span, out ulong parsed, out var consumed) && consumed == span.Length)
            {
                return new Snowflake(parsed);
            }

            if (Snowflake.TryParse(reader.GetString(), out var fromText))
            {
                return fromText;
            }
        }

        throw new JsonException("A snowflake must be a string of decimal digits.");
    }

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value.Value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    public override Snowflake ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
