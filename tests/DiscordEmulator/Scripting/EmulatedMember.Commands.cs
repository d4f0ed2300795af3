using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Scripting;

public sealed partial class EmulatedMember
{
    /// <summary>Builds interaction data for a registered command the way the Discord client would, typed by its definition.</summary>
    private (EmulatedCommand Command, JsonObject Data) BuildCommandData(string commandLine, (string Name, object? Value)[] options, string? focused)
    {
        var words = commandLine.Trim().TrimStart('/').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw new ArgumentException("Empty command.", nameof(commandLine));
        }

        var command = _state.Commands.FirstOrDefault(c => c.GuildId == Guild.Id && c.Type == 1 && c.Name == words[0])
            ?? _state.Commands.FirstOrDefault(c => c.GuildId is null && c.Type == 1 && c.Name == words[0])
            ?? throw new InvalidOperationException($"The bot has not registered a /{words[0]} command.");

        var leafOptions = BuildLeafOptions(command, words, options, focused, out var path);
        var data = new JsonObject
        {
            ["id"] = Json.Id(command.Id),
            ["name"] = command.Name,
            ["type"] = 1,
        };
        if (command.GuildId is { } g)
        {
            data["guild_id"] = Json.Id(g);
        }

        var resolved = new JsonObject();
        var built = new JsonArray();
        foreach (var (definition, value) in leafOptions)
        {
            built.Add(OptionValue(definition, value, focused, resolved));
        }

        // Wrap leaf options in their subcommand / group, innermost first.
        var current = built;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            current = [new JsonObject { ["name"] = Json.GetString(path[i], "name"), ["type"] = Json.GetLong(path[i], "type"), ["options"] = current }];
        }

        if (current.Count > 0)
        {
            data["options"] = current;
        }

        if (resolved.Count > 0)
        {
            data["resolved"] = resolved;
        }

        return (command, data);
    }

    private static List<(JsonObject Definition, object? Value)> BuildLeafOptions(EmulatedCommand command, string[] words, (string Name, object? Value)[] options, string? focused, out List<JsonObject> path)
    {
        path = [];
        var definitions = command.Definition["options"] as JsonArray ?? [];
        foreach (var word in words.Skip(1))
        {
            var sub = definitions.OfType<JsonObject>().FirstOrDefault(o => Json.GetString(o, "name") == word && Json.GetLong(o, "type") is 1 or 2)
                ?? throw new InvalidOperationException($"/{command.Name} has no subcommand '{word}'.");
            path.Add(sub);
            definitions = sub["options"] as JsonArray ?? [];
        }

        if (definitions.OfType<JsonObject>().Any(o => Json.GetLong(o, "type") is 1 or 2))
        {
            throw new InvalidOperationException($"/{string.Join(' ', words)} needs a subcommand.");
        }

        var result = new List<(JsonObject, object?)>();
        foreach (var (name, value) in options)
        {
            var definition = definitions.OfType<JsonObject>().FirstOrDefault(o => Json.GetString(o, "name") == name)
                ?? throw new InvalidOperationException($"/{string.Join(' ', words)} has no option '{name}'.");
            result.Add((definition, value));
        }

        if (focused is null)
        {
            var missing = definitions.OfType<JsonObject>()
                .Where(o => Json.GetBool(o, "required") == true)
                .Select(o => Json.GetString(o, "name"))
                .FirstOrDefault(n => options.All(x => x.Name != n));
            if (missing is not null)
            {
                throw new InvalidOperationException($"/{string.Join(' ', words)} requires option '{missing}'.");
            }
        }

        return result;
    }

    private JsonObject OptionValue(JsonObject definition, object? value, string? focused, JsonObject resolved)
    {
        var name = Json.GetString(definition, "name")!;
        var type = Json.GetLong(definition, "type") ?? 3;
        var isFocused = name == focused;
        JsonNode? node = isFocused
            ? JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")
            : type switch
            {
                3 => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
                4 => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                5 => JsonValue.Create(Convert.ToBoolean(value, CultureInfo.InvariantCulture)),
                10 => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                6 or 7 or 8 or 9 => JsonValue.Create(Json.Id(ResolveEntity(type, value, resolved))),
                11 => JsonValue.Create(Json.Id(ResolveAttachment(value, resolved))),
                _ => throw new InvalidOperationException($"Option type {type} is not supported by the emulator."),
            };
        if (!isFocused && definition["choices"] is JsonArray choices && choices.Count > 0
            && !choices.OfType<JsonObject>().Any(c => c["value"]?.ToJsonString() == node?.ToJsonString()))
        {
            throw new InvalidOperationException($"'{value}' is not one of the choices of option '{name}'.");
        }

        var o = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = node };
        if (isFocused)
        {
            o["focused"] = true;
        }

        return o;
    }

    private ulong ResolveAttachment(object? value, JsonObject resolved)
    {
        var id = value switch
        {
            EmulatedAttachment a => a.Id,
            ulong u => u,
            _ => throw new InvalidOperationException($"Cannot use '{value}' as an attachment; upload one with DiscordEmulatorServer.UploadAttachment."),
        };
        if (!_state.AttachmentContents.TryGetValue(id, out var stored))
        {
            throw new InvalidOperationException($"No uploaded attachment has id {id}.");
        }

        if (resolved["attachments"] is not JsonObject section)
        {
            section = [];
            resolved["attachments"] = section;
        }

        var url = new Uri(_state.HttpBaseUrl, $"attachments/{id}/{Uri.EscapeDataString(stored.FileName)}").ToString();
        section[Json.Id(id)] = new JsonObject
        {
            ["id"] = Json.Id(id),
            ["filename"] = stored.FileName,
            ["size"] = stored.Content.Length,
            ["content_type"] = stored.ContentType,
            ["url"] = url,
            ["proxy_url"] = url,
        };
        return id;
    }

    private ulong ResolveEntity(long type, object? value, JsonObject resolved)
    {
        ulong id = value switch
        {
            EmulatedMember m => m.Id,
            EmulatedUser u => u.Id,
            EmulatedChannel c => c.Id,
            EmulatedRole r => r.Id,
            ulong u => u,
            string s when Json.ParseSnowflake(s) is { } p => p,
            _ => throw new InvalidOperationException($"Cannot use '{value}' as a user, channel or role."),
        };
        JsonObject Section(string key)
        {
            if (resolved[key] is not JsonObject section)
            {
                section = [];
                resolved[key] = section;
            }

            return section;
        }

        if (_state.Users.TryGetValue(id, out var user) && type is 6 or 9)
        {
            Section("users")[Json.Id(id)] = user.ToJson();
            if (Guild.MemberStates.TryGetValue(id, out var member))
            {
                var m = member.ToJson(includeUser: false);
                m["permissions"] = "0";
                Section("members")[Json.Id(id)] = m;
            }
        }
        else if (_state.Channels.TryGetValue(id, out var channel) && type == 7)
        {
            var c = channel.ToJson(includeBotMember: false);
            c["permissions"] = ((ulong)_state.PermissionsOf(Id, channel)).ToString(CultureInfo.InvariantCulture);
            Section("channels")[Json.Id(id)] = c;
        }
        else if (Guild.RoleList.FirstOrDefault(r => r.Id == id) is { } role && type is 8 or 9)
        {
            Section("roles")[Json.Id(id)] = role.ToJson();
        }
        else
        {
            throw new InvalidOperationException($"Nothing with id {id} fits an option of type {type}.");
        }

        return id;
    }
}
