using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

internal static partial class Routes
{
    private static void RequireApplication(RestCall call)
    {
        if (call.Id("application_id") != call.State.ApplicationId)
        {
            throw new DiscordApiException(403, 50001, "Missing Access");
        }
    }

    private static ulong? CommandGuild(RestCall call)
    {
        RequireApplication(call);
        if (!call.Parameters.ContainsKey("guild_id"))
        {
            return null;
        }

        var id = call.Id("guild_id");
        return call.State.Guilds.ContainsKey(id) ? id : throw DiscordApiException.MissingAccess();
    }

    private static RestResult ListCommands(RestCall call, ulong? guildId) =>
        RestResult.Ok(Json.Array(call.State.Commands.Where(c => c.GuildId == guildId).Select(c => (JsonNode?)c.ToJson())));

    private static RestResult ListGlobalCommands(RestCall call) => ListCommands(call, CommandGuild(call));

    private static RestResult ListGuildCommands(RestCall call) => ListCommands(call, CommandGuild(call));

    private static RestResult OverwriteGlobalCommands(RestCall call) => Overwrite(call, CommandGuild(call));

    private static RestResult OverwriteGuildCommands(RestCall call) => Overwrite(call, CommandGuild(call));

    private static RestResult CreateGlobalCommand(RestCall call) => Upsert(call, CommandGuild(call));

    private static RestResult CreateGuildCommand(RestCall call) => Upsert(call, CommandGuild(call));

    private static RestResult Overwrite(RestCall call, ulong? guildId)
    {
        var s = call.State;
        if (call.Body is not JsonArray commands)
        {
            var errors = new FormErrors();
            errors.Add("", "BASE_TYPE_ARRAY", "Must be an array.");
            throw DiscordApiException.InvalidForm(errors);
        }

        CommandValidator.ValidateAll(commands);
        var existing = s.Commands.Where(c => c.GuildId == guildId).ToList();
        s.Commands.RemoveAll(c => c.GuildId == guildId);
        var result = new JsonArray();
        foreach (var definition in commands.OfType<JsonObject>())
        {
            var command = Store(s, guildId, (JsonObject)definition.DeepClone(), existing);
            result.Add(command.ToJson());
        }

        return RestResult.Ok(result);
    }

    private static RestResult Upsert(RestCall call, ulong? guildId)
    {
        var s = call.State;
        var definition = call.Object();
        var errors = new FormErrors();
        CommandValidator.Validate(definition, "", errors);
        errors.ThrowIfAny();
        var existing = s.Commands.Where(c => c.GuildId == guildId).ToList();
        var replaced = existing.FirstOrDefault(c => c.Name == Json.GetString(definition, "name") && c.Type == (Json.GetLong(definition, "type") ?? 1));
        if (replaced is not null)
        {
            s.Commands.Remove(replaced);
        }

        var command = Store(s, guildId, (JsonObject)definition.DeepClone(), existing);
        return replaced is null ? RestResult.Created(command.ToJson()) : RestResult.Ok(command.ToJson());
    }

    private static EmulatedCommand Store(EmulatorState s, ulong? guildId, JsonObject definition, List<EmulatedCommand> existing)
    {
        var name = Json.GetString(definition, "name");
        var type = Json.GetLong(definition, "type") ?? 1;
        var previous = existing.FirstOrDefault(c => c.Name == name && c.Type == type);
        var command = new EmulatedCommand(previous?.Id ?? s.Ids.Next(), s.ApplicationId, guildId, definition) { Version = s.Ids.Next() };
        s.Commands.Add(command);
        return command;
    }
}
