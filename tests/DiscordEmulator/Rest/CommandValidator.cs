using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

/// <summary>Application command rules: names, descriptions, option order, choices, nesting, quotas, size.</summary>
internal static partial class CommandValidator
{
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex ChatInputName();

    public static void ValidateAll(JsonArray commands)
    {
        var errors = new FormErrors();
        var seen = new HashSet<(long, string)>();
        var chatInput = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject c)
            {
                errors.Add($"{i}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            Validate(c, $"{i}", errors);
            var type = Json.GetLong(c, "type") ?? 1;
            chatInput += type == 1 ? 1 : 0;
            if (!seen.Add((type, Json.GetString(c, "name") ?? "")))
            {
                errors.Add($"{i}.name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
        }

        if (chatInput > 100)
        {
            errors.Add("", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }

        errors.ThrowIfAny();
    }

    public static void Validate(JsonObject c, string p, FormErrors errors)
    {
        var type = Json.GetLong(c, "type") ?? 1;
        var name = Json.GetString(c, "name");
        var description = Json.GetString(c, "description");
        if (type is < 1 or > 4)
        {
            errors.Add($"{p}.type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
        }

        if (type == 1)
        {
            CheckName($"{p}.name", name, errors);
            errors.Length($"{p}.description", description, 1, 100);
            if (c["options"] is JsonArray options)
            {
                ValidateOptions(options, $"{p}.options", errors, depth: 0);
            }
        }
        else
        {
            errors.Length($"{p}.name", name, 1, 32);
            if (!string.IsNullOrEmpty(description))
            {
                errors.Add($"{p}.description", "APPLICATION_COMMAND_DESCRIPTION_NOT_EMPTY", "Description must be empty for this command type.");
            }

            if (c.ContainsKey("options"))
            {
                errors.Add($"{p}.options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Options are only allowed on CHAT_INPUT commands.");
            }
        }

        if (c["default_member_permissions"] is JsonValue dmp && (!dmp.TryGetValue<string>(out var perms) || Json.ParseSnowflake(perms) is null))
        {
            errors.Add($"{p}.default_member_permissions", "BASE_TYPE_INVALID", "Must be a string of a permission bitset.");
        }

        if (Size(c) > 8000)
        {
            errors.Add(p, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
        }
    }

    private static void CheckName(string path, string? name, FormErrors errors)
    {
        if (name is null || !ChatInputName().IsMatch(name))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name must be lowercase");
        }
    }

    private static void ValidateOptions(JsonArray options, string p, FormErrors errors, int depth)
    {
        if (options.Count > 25)
        {
            errors.Add(p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var seenOptional = false;
        for (var i = 0; i < options.Count; i++)
        {
            var op = $"{p}.{i}";
            if (options[i] is not JsonObject o)
            {
                errors.Add(op, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = Json.GetLong(o, "type") ?? 0;
            var name = Json.GetString(o, "name");
            CheckName($"{op}.name", name, errors);
            errors.Length($"{op}.description", Json.GetString(o, "description"), 1, 100);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{op}.name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
            }

            if (type is < 1 or > 11)
            {
                errors.Add($"{op}.type", "BASE_TYPE_CHOICES", "Value must be one of {1, ..., 11}.");
                continue;
            }

            if (type is 1 or 2)
            {
                if (depth >= (type == 2 ? 1 : 2) || (depth == 1 && type == 2))
                {
                    errors.Add($"{op}.type", "APPLICATION_COMMAND_OPTION_INVALID_NESTING", "Sub-command groups can only nest sub-commands.");
                }

                if (o["options"] is JsonArray nested)
                {
                    if (type == 2 && nested.OfType<JsonObject>().Any(n => Json.GetLong(n, "type") != 1))
                    {
                        errors.Add($"{op}.options", "APPLICATION_COMMAND_OPTION_INVALID_NESTING", "Sub-command groups can only contain sub-commands.");
                    }

                    ValidateOptions(nested, $"{op}.options", errors, depth + 1);
                }

                continue;
            }

            var required = Json.GetBool(o, "required") ?? false;
            if (required && seenOptional)
            {
                errors.Add($"{op}.required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            seenOptional |= !required;
            if (o["choices"] is JsonArray choices)
            {
                if (type is not (3 or 4 or 10))
                {
                    errors.Add($"{op}.choices", "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Choices are only allowed on STRING, INTEGER and NUMBER options.");
                }

                if (choices.Count > 25)
                {
                    errors.Add($"{op}.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                }

                if (Json.GetBool(o, "autocomplete") == true && choices.Count > 0)
                {
                    errors.Add($"{op}.autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES", "Autocomplete cannot be used with choices.");
                }

                for (var c = 0; c < choices.Count; c++)
                {
                    var choice = choices[c] as JsonObject;
                    errors.Length($"{op}.choices.{c}.name", Json.GetString(choice, "name"), 1, 100);
                    if (choice?["value"] is JsonValue v && v.TryGetValue<string>(out var sv))
                    {
                        errors.MaxLength($"{op}.choices.{c}.value", sv, 100);
                    }
                }
            }

            if (Json.GetLong(o, "min_length") is { } minLength && minLength is < 0 or > 6000)
            {
                errors.Add($"{op}.min_length", "NUMBER_TYPE_MAX", "int value should be between 0 and 6000.");
            }

            if (Json.GetLong(o, "max_length") is { } maxLength && maxLength is < 1 or > 6000)
            {
                errors.Add($"{op}.max_length", "NUMBER_TYPE_MAX", "int value should be between 1 and 6000.");
            }
        }
    }

    private static int Size(JsonObject c)
    {
        var total = Json.Length(Json.GetString(c, "name")) + Json.Length(Json.GetString(c, "description"));
        if (c["options"] is JsonArray options)
        {
            foreach (var o in options.OfType<JsonObject>())
            {
                total += Size(o);
                if (o["choices"] is JsonArray choices)
                {
                    total += choices.OfType<JsonObject>().Sum(ch => Json.Length(Json.GetString(ch, "name")) + (ch["value"]?.ToString().Length ?? 0));
                }
            }
        }

        return total;
    }
}
