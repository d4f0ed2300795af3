using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace InterviewBot.Discord.Tests.Contract;

/// <summary>
/// A small JSON Schema validator for the keywords Discord's OpenAPI spec uses: type (incl. null), required,
/// properties, additionalProperties, items, minLength/maxLength, minItems/maxItems, enum, const, pattern,
/// allOf/oneOf/anyOf and $ref (resolved by Microsoft.OpenApi). Formats are not checked.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(IOpenApiSchema schema, JsonNode? value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors, depth: 0);
        return errors;
    }

    private static void Check(IOpenApiSchema schema, JsonNode? value, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: schema nesting too deep");
            return;
        }

        if (schema.Type is { } type && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected {type}, got {Describe(value)}");
            return;
        }

        if (schema.Const is { } constant && !ConstMatches(constant, value))
        {
            errors.Add($"{path}: expected const {constant}, got {value?.ToJsonString() ?? "null"}");
        }

        if (schema.Enum is { Count: > 0 } options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString() ?? "null"} is not one of the enum values");
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            var length = new StringInfoLength(s).Length;
            if (schema.MinLength is { } min && length < min)
            {
                errors.Add($"{path}: length {length} < minLength {min}");
            }

            if (schema.MaxLength is { } max && length > max)
            {
                errors.Add($"{path}: length {length} > maxLength {max}");
            }

            if (schema.Pattern is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add($"{path}: '{s}' does not match {pattern}");
            }
        }

        if (value is JsonArray array)
        {
            if (schema.MaxItems is { } maxItems && array.Count > maxItems)
            {
                errors.Add($"{path}: {array.Count} items > maxItems {maxItems}");
            }

            if (schema.MinItems is { } minItems && array.Count < minItems)
            {
                errors.Add($"{path}: {array.Count} items < minItems {minItems}");
            }

            if (schema.Items is { } items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(items, array[i], $"{path}[{i}]", errors, depth + 1);
                }
            }
        }

        if (value is JsonObject obj)
        {
            if (schema.Required is { } required)
            {
                foreach (var name in required.Where(r => !obj.ContainsKey(r)))
                {
                    errors.Add($"{path}: missing required property '{name}'");
                }
            }

            var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
            foreach (var (name, child) in obj)
            {
                if (properties.TryGetValue(name, out var propertySchema))
                {
                    Check(propertySchema, child, $"{path}.{name}", errors, depth + 1);
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    Check(additional, child, $"{path}.{name}", errors, depth + 1);
                }
                else if (!schema.AdditionalPropertiesAllowed)
                {
                    errors.Add($"{path}: property '{name}' is not allowed");
                }
            }
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            foreach (var part in allOf)
            {
                Check(part, value, path, errors, depth + 1);
            }
        }

        if (schema.AnyOf is { Count: > 0 } anyOf && !anyOf.Any(part => Validates(part, value, path, depth)))
        {
            errors.Add($"{path}: matches none of anyOf ({Describe(value)})");
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            var branchErrors = new List<List<string>>();
            var matches = 0;
            foreach (var part in oneOf)
            {
                var e = new List<string>();
                Check(part, value, path, e, depth + 1);
                branchErrors.Add(e);
                matches += e.Count == 0 ? 1 : 0;
            }

            if (matches == 0)
            {
                var closest = branchErrors.OrderBy(e => e.Count).First();
                errors.Add($"{path}: matches none of oneOf; closest branch says: {string.Join("; ", closest.Take(3))}");
            }
            else if (matches > 1)
            {
                errors.Add($"{path}: matches {matches} oneOf branches, exactly one expected");
            }
        }
    }

    private static bool Validates(IOpenApiSchema schema, JsonNode? value, string path, int depth)
    {
        var e = new List<string>();
        Check(schema, value, path, e, depth + 1);
        return e.Count == 0;
    }

    private static bool ConstMatches(JsonNode constant, JsonNode? value) =>
        JsonNode.DeepEquals(constant, value) || (constant is JsonValue c && value is JsonValue v && c.ToString() == v.ToString());

    private static bool TypeMatches(JsonSchemaType type, JsonNode? value)
    {
        if (value is null)
        {
            return type.HasFlag(JsonSchemaType.Null);
        }

        return value switch
        {
            JsonObject => type.HasFlag(JsonSchemaType.Object),
            JsonArray => type.HasFlag(JsonSchemaType.Array),
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
                JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
                JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && IsInteger(v)),
                _ => false,
            },
            _ => false,
        };
    }

    private static bool IsInteger(JsonValue v) =>
        long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        || (double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d));

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };

    /// <summary>Length in Unicode code points, as JSON Schema counts it.</summary>
    private readonly record struct StringInfoLength(string Text)
    {
        public int Length => Text.EnumerateRunes().Count();
    }
}
