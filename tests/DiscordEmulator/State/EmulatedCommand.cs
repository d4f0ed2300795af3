using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>A registered application command (global when <see cref="GuildId"/> is null).</summary>
public sealed class EmulatedCommand
{
    internal EmulatedCommand(ulong id, ulong applicationId, ulong? guildId, JsonObject definition)
    {
        Id = id;
        ApplicationId = applicationId;
        GuildId = guildId;
        Definition = definition;
    }

    public ulong Id { get; }

    public ulong ApplicationId { get; }

    public ulong? GuildId { get; }

    /// <summary>The command as the bot registered it (name, description, options, ...).</summary>
    public JsonObject Definition { get; internal set; }

    internal ulong Version { get; set; }

    public string Name => Json.GetString(Definition, "name") ?? "";

    public int Type => (int)(Json.GetLong(Definition, "type") ?? 1);

    public string Description => Json.GetString(Definition, "description") ?? "";

    internal JsonObject ToJson()
    {
        var o = (JsonObject)Definition.DeepClone();
        o["id"] = Json.Id(Id);
        o["application_id"] = Json.Id(ApplicationId);
        o["version"] = Json.Id(Version);
        o["type"] = Type;
        o["description"] = Description;
        if (!o.ContainsKey("default_member_permissions"))
        {
            o["default_member_permissions"] = null;
        }

        if (GuildId is { } g)
        {
            o["guild_id"] = Json.Id(g);
        }

        return o;
    }
}
