using System.Globalization;
using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>A guild role. The @everyone role has the guild's id.</summary>
public sealed class EmulatedRole
{
    internal EmulatedRole(ulong id, string name, Permissions permissions, int position)
    {
        Id = id;
        Name = name;
        Permissions = permissions;
        Position = position;
    }

    public ulong Id { get; }

    public string Name { get; }

    /// <summary>Guild-level permissions of the role; tests may change them at any time.</summary>
    public Permissions Permissions { get; set; }

    public int Position { get; }

    /// <summary>The mention text, &lt;@&amp;id&gt;.</summary>
    public string Mention => $"<@&{Json.Id(Id)}>";

    internal JsonObject ToJson() => new()
    {
        ["id"] = Json.Id(Id),
        ["name"] = Name,
        ["permissions"] = ((ulong)Permissions).ToString(CultureInfo.InvariantCulture),
        ["position"] = Position,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = false,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["flags"] = 0,
    };
}
