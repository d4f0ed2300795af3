using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace InterviewBot.Discord.Entities;

/// <summary>Dispatches on the numeric <c>type</c> field; unknown types are kept as <see cref="UnknownComponent"/>.</summary>
public sealed class ComponentJsonConverter : JsonConverter<Component>
{
    public override Component? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.Number
            || !typeElement.TryGetInt32(out var type))
        {
            throw new JsonException("A component needs a numeric type.");
        }

        try
        {
            return (ComponentType)type switch
            {
                ComponentType.ActionRow => root.Deserialize(Info<ActionRow>(options)),
                ComponentType.Button => root.Deserialize(Info<Button>(options)),
                ComponentType.StringSelect => root.Deserialize(Info<StringSelect>(options)),
                ComponentType.TextInput => root.Deserialize(Info<TextInput>(options)),
                ComponentType.Label => root.Deserialize(Info<LabelComponent>(options)),
                _ => Unknown(type, root),
            };
        }
        catch (JsonException)
        {
            // A component whose shape changed must not cost us the whole message it sits on.
            return Unknown(type, root);
        }
    }

    private static UnknownComponent Unknown(int type, JsonElement root) => new() { RawType = type, Raw = root.Clone() };

    public override void Write(Utf8JsonWriter writer, Component value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        switch (value)
        {
            case ActionRow row:
                JsonSerializer.Serialize(writer, row, Info<ActionRow>(options));
                break;
            case Button button:
                JsonSerializer.Serialize(writer, button, Info<Button>(options));
                break;
            case StringSelect select:
                JsonSerializer.Serialize(writer, select, Info<StringSelect>(options));
                break;
            case TextInput input:
                JsonSerializer.Serialize(writer, input, Info<TextInput>(options));
                break;
            case LabelComponent label:
                JsonSerializer.Serialize(writer, label, Info<LabelComponent>(options));
                break;
            case UnknownComponent unknown when unknown.Raw.ValueKind == JsonValueKind.Object:
                unknown.Raw.WriteTo(writer);
                break;
            default:
                throw new JsonException($"Cannot write component type {(int)value.Type}.");
        }
    }

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
