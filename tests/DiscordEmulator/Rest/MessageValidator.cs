using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

/// <summary>Discord's message limits: content, embeds, components, nonce, allowed_mentions, flags.</summary>
internal static class MessageValidator
{
    private const int ComponentsV2 = 1 << 15;

    /// <summary>Throws 50035 (or 50006 for an empty create) when the body breaks a documented limit.</summary>
    /// <param name="body">The message body.</param>
    /// <param name="isCreate">Create (needs content of some kind) rather than edit.</param>
    /// <param name="allowedFlags">Flags the route accepts.</param>
    /// <param name="hasFiles">Whether multipart files came with the body.</param>
    public static void Validate(JsonObject body, bool isCreate, int allowedFlags, bool hasFiles)
    {
        var errors = new FormErrors();
        var content = Json.GetString(body, "content");
        errors.MaxLength("content", content, 2000);
        var flags = (int)(Json.GetLong(body, "flags") ?? 0);
        if ((flags & ~allowedFlags) != 0)
        {
            errors.Add("flags", "MESSAGE_FLAGS_INVALID", "Invalid message flags.");
        }

        var v2 = (flags & ComponentsV2) != 0;
        if (body["embeds"] is JsonArray embeds)
        {
            ValidateEmbeds(embeds, errors);
            if (v2 && embeds.Count > 0)
            {
                errors.Add("embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2.");
            }
        }
        else if (body.ContainsKey("embeds") && body["embeds"] is not null)
        {
            errors.Add("embeds", "BASE_TYPE_ARRAY", "Must be an array.");
        }

        if (v2 && !string.IsNullOrEmpty(content))
        {
            errors.Add("content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2.");
        }

        if (body["components"] is JsonArray components)
        {
            ValidateComponents(components, v2, errors);
        }

        if (body["nonce"] is JsonValue nonce && nonce.ToString().Length > 25)
        {
            errors.Add("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        if (body["sticker_ids"] is JsonArray stickers && stickers.Count > 3)
        {
            errors.Add("sticker_ids", "BASE_TYPE_MAX_LENGTH", "Must be 3 or fewer in length.");
        }

        if (body["allowed_mentions"] is JsonObject mentions)
        {
            ValidateAllowedMentions(mentions, errors);
        }

        errors.ThrowIfAny();
        if (isCreate && !HasBody(body, hasFiles))
        {
            throw new DiscordApiException(400, 50006, "Cannot send an empty message");
        }
    }

    public static bool HasBody(JsonObject body, bool hasFiles) =>
        hasFiles
        || !string.IsNullOrWhiteSpace(Json.GetString(body, "content"))
        || body["embeds"] is JsonArray { Count: > 0 }
        || body["components"] is JsonArray { Count: > 0 }
        || body["sticker_ids"] is JsonArray { Count: > 0 }
        || body["attachments"] is JsonArray { Count: > 0 }
        || body["poll"] is JsonObject
        || body["message_reference"] is JsonObject mr && Json.GetLong(mr, "type") == 1;

    private static void ValidateEmbeds(JsonArray embeds, FormErrors errors)
    {
        if (embeds.Count > 10)
        {
            errors.Add("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject e)
            {
                errors.Add($"embeds.{i}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var p = $"embeds.{i}";
            var title = Json.GetString(e, "title");
            var description = Json.GetString(e, "description");
            errors.MaxLength($"{p}.title", title, 256);
            errors.MaxLength($"{p}.description", description, 4096);
            total += Json.Length(title) + Json.Length(description);
            if (e["footer"] is JsonObject footer)
            {
                var text = Json.GetString(footer, "text");
                errors.MaxLength($"{p}.footer.text", text, 2048);
                total += Json.Length(text);
            }

            if (e["author"] is JsonObject author)
            {
                var name = Json.GetString(author, "name");
                errors.MaxLength($"{p}.author.name", name, 256);
                total += Json.Length(name);
            }

            if (e["fields"] is JsonArray fields)
            {
                if (fields.Count > 25)
                {
                    errors.Add($"{p}.fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                }

                for (var f = 0; f < fields.Count; f++)
                {
                    var field = fields[f] as JsonObject;
                    var name = Json.GetString(field, "name");
                    var value = Json.GetString(field, "value");
                    if (name is null)
                    {
                        errors.Add($"{p}.fields.{f}.name", "BASE_TYPE_REQUIRED", "This field is required");
                    }

                    if (value is null)
                    {
                        errors.Add($"{p}.fields.{f}.value", "BASE_TYPE_REQUIRED", "This field is required");
                    }

                    errors.MaxLength($"{p}.fields.{f}.name", name, 256);
                    errors.MaxLength($"{p}.fields.{f}.value", value, 1024);
                    total += Json.Length(name) + Json.Length(value);
                }
            }

            foreach (var forbidden in new[] { "provider", "video" })
            {
                if (e.ContainsKey(forbidden))
                {
                    errors.Add($"{p}.{forbidden}", "BASE_TYPE_INVALID", "This field cannot be set.");
                }
            }
        }

        if (total > 6000)
        {
            errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    public static void ValidateComponents(JsonArray components, bool v2, FormErrors errors, string root = "components")
    {
        if (!v2 && components.Count > 5)
        {
            errors.Add(root, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }

        if (v2 && ComponentWalker.All(components).Count() > 40)
        {
            errors.Add(root, "COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED", "Total components must be 40 or fewer.");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var p = $"{root}.{i}";
            if (components[i] is not JsonObject c)
            {
                errors.Add(p, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = Json.GetLong(c, "type");
            if (!v2 && type != 1)
            {
                errors.Add($"{p}.type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).");
                continue;
            }

            if (type == 1)
            {
                ValidateRow(c, p, errors, customIds);
            }
            else
            {
                ValidateLeaf(c, p, errors, customIds);
            }
        }
    }

    private static void ValidateRow(JsonObject row, string p, FormErrors errors, HashSet<string> customIds)
    {
        if (row["components"] is not JsonArray children || children.Count == 0)
        {
            errors.Add($"{p}.components", "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }

        var buttons = children.OfType<JsonObject>().Count(c => Json.GetLong(c, "type") == 2);
        var selects = children.OfType<JsonObject>().Count(c => Json.GetLong(c, "type") is 3 or 5 or 6 or 7 or 8);
        if (buttons > 5)
        {
            errors.Add($"{p}.components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }

        if (selects > 0 && children.Count > 1)
        {
            errors.Add($"{p}.components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is JsonObject child)
            {
                ValidateLeaf(child, $"{p}.components.{i}", errors, customIds);
            }
        }
    }

    private static void ValidateLeaf(JsonObject c, string p, FormErrors errors, HashSet<string> customIds)
    {
        var type = Json.GetLong(c, "type");
        var customId = Json.GetString(c, "custom_id");
        if (customId is not null)
        {
            if (customId.Length is < 1 or > 100)
            {
                errors.Add($"{p}.custom_id", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }

            if (!customIds.Add(customId))
            {
                errors.Add($"{p}.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
            }
        }

        switch (type)
        {
            case 2:
                var style = Json.GetLong(c, "style") ?? 0;
                errors.MaxLength($"{p}.label", Json.GetString(c, "label"), 80);
                if (style is >= 1 and <= 4 && customId is null)
                {
                    errors.Add($"{p}.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required");
                }
                else if (style == 5 && (Json.GetString(c, "url") is null || customId is not null))
                {
                    errors.Add($"{p}.url", "BUTTON_COMPONENT_URL_REQUIRED", "A url is required");
                }
                else if (style is < 1 or > 6)
                {
                    errors.Add($"{p}.style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
                }

                break;
            case 3:
                if (customId is null)
                {
                    errors.Add($"{p}.custom_id", "BASE_TYPE_REQUIRED", "This field is required");
                }

                errors.MaxLength($"{p}.placeholder", Json.GetString(c, "placeholder"), 150);
                if (c["options"] is not JsonArray options || options.Count is 0 or > 25)
                {
                    errors.Add($"{p}.options", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
                }
                else
                {
                    for (var i = 0; i < options.Count; i++)
                    {
                        var o = options[i] as JsonObject;
                        errors.Length($"{p}.options.{i}.label", Json.GetString(o, "label"), 1, 100);
                        errors.Length($"{p}.options.{i}.value", Json.GetString(o, "value"), 1, 100);
                        errors.MaxLength($"{p}.options.{i}.description", Json.GetString(o, "description"), 100);
                    }
                }

                break;
            case 4:
                if (customId is null)
                {
                    errors.Add($"{p}.custom_id", "BASE_TYPE_REQUIRED", "This field is required");
                }

                errors.MaxLength($"{p}.placeholder", Json.GetString(c, "placeholder"), 100);
                errors.MaxLength($"{p}.value", Json.GetString(c, "value"), 4000);
                break;
            case 18:
                errors.Length($"{p}.label", Json.GetString(c, "label"), 1, 45);
                errors.MaxLength($"{p}.description", Json.GetString(c, "description"), 100);
                if (c["component"] is JsonObject inner)
                {
                    ValidateLeaf(inner, $"{p}.component", errors, customIds);
                }
                else
                {
                    errors.Add($"{p}.component", "BASE_TYPE_REQUIRED", "This field is required");
                }

                break;
            default:
                if (c["components"] is JsonArray nested)
                {
                    for (var i = 0; i < nested.Count; i++)
                    {
                        if (nested[i] is JsonObject n)
                        {
                            ValidateLeaf(n, $"{p}.components.{i}", errors, customIds);
                        }
                    }
                }

                if (c["accessory"] is JsonObject accessory)
                {
                    ValidateLeaf(accessory, $"{p}.accessory", errors, customIds);
                }

                break;
        }
    }

    private static void ValidateAllowedMentions(JsonObject m, FormErrors errors)
    {
        var parse = m["parse"] as JsonArray;
        if (parse is not null)
        {
            foreach (var item in parse)
            {
                if (item?.ToString() is not ("users" or "roles" or "everyone"))
                {
                    errors.Add("allowed_mentions.parse", "BASE_TYPE_CHOICES", "Value must be one of {'users', 'roles', 'everyone'}.");
                }
            }
        }

        foreach (var (list, kind) in new[] { ("users", "users"), ("roles", "roles") })
        {
            if (m[list] is JsonArray ids)
            {
                if (ids.Count > 100)
                {
                    errors.Add($"allowed_mentions.{list}", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
                }

                if (ids.Count > 0 && parse is not null && parse.Any(p => p?.ToString() == kind))
                {
                    errors.Add("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                        $"parse:[\"{kind}\"] and {list}: [ids...] are mutually exclusive.");
                }
            }
        }
    }
}
