using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>A Discord user: a scripted person or the bot itself.</summary>
public sealed class EmulatedUser
{
    internal EmulatedUser(ulong id, string name, bool isBot)
    {
        Id = id;
        Name = name;
        IsBot = isBot;
    }

    public ulong Id { get; }

    public string Name { get; }

    public bool IsBot { get; }

    /// <summary>When false, the bot's DMs to this user fail with 50007 (Cannot send messages to this user).</summary>
    public bool AcceptsDirectMessages { get; set; } = true;

    /// <summary>The mention text, &lt;@id&gt;.</summary>
    public string Mention => $"<@{Json.Id(Id)}>";

    internal JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Json.Id(Id),
            ["username"] = Name,
            ["avatar"] = null,
            ["discriminator"] = "0",
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["global_name"] = Name,
            ["primary_guild"] = null,
        };
        if (IsBot)
        {
            o["bot"] = true;
        }

        return o;
    }
}
