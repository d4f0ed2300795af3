using System.Text.Json.Nodes;
using DiscordEmulator.Scripting;

namespace DiscordEmulator.State;

/// <summary>A guild and the scripting handle to shape it: channels, roles, members and the bot's permissions.</summary>
public sealed class EmulatedGuild
{
    private readonly EmulatorState _state;

    internal EmulatedGuild(EmulatorState state, ulong id, string name, ulong ownerId)
    {
        _state = state;
        Id = id;
        Name = name;
        OwnerId = ownerId;
        EveryoneRole = new EmulatedRole(id, "@everyone", Permissions.EveryoneDefault, 0);
        RoleList.Add(EveryoneRole);
        BotRole = new EmulatedRole(state.Ids.Next(), state.Bot.Name, Permissions.BotDefault, 1);
        RoleList.Add(BotRole);
    }

    public ulong Id { get; }

    public string Name { get; }

    public ulong OwnerId { get; }

    /// <summary>The @everyone role; its id is the guild id.</summary>
    public EmulatedRole EveryoneRole { get; }

    /// <summary>The bot's managed role; set <see cref="EmulatedRole.Permissions"/> to configure what the bot may do.</summary>
    public EmulatedRole BotRole { get; }

    /// <summary>When false, creating private threads fails (as in guilds where the feature is unavailable).</summary>
    public bool AllowPrivateThreads { get; set; } = true;

    internal List<EmulatedRole> RoleList { get; } = [];

    internal List<ulong> ChannelIds { get; } = [];

    internal Dictionary<ulong, GuildMemberState> MemberStates { get; } = [];

    public IReadOnlyList<EmulatedRole> Roles
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. RoleList];
            }
        }
    }

    /// <summary>Text channels and threads of this guild.</summary>
    public IReadOnlyList<EmulatedChannel> Channels
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. ChannelIds.Select(c => _state.Channels[c])];
            }
        }
    }

    public IReadOnlyList<EmulatedMember> Members
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. MemberStates.Values.Where(m => !m.User.IsBot).Select(m => new EmulatedMember(_state, this, m.User))];
            }
        }
    }

    /// <summary>Adds a text channel (fires CHANNEL_CREATE when a bot is connected).</summary>
    public EmulatedChannel AddTextChannel(string name) => _state.AddTextChannel(this, name);

    /// <summary>Adds a role with guild-level permissions.</summary>
    public EmulatedRole AddRole(string name, Permissions permissions)
    {
        lock (_state.Gate)
        {
            var role = new EmulatedRole(_state.Ids.Next(), name, permissions, RoleList.Count);
            RoleList.Add(role);
            return role;
        }
    }

    /// <summary>
    /// Adds a member. With <paramref name="permissions"/>, the member gets a personal role with exactly those
    /// permissions on top of @everyone.
    /// </summary>
    public EmulatedMember AddMember(string name, Permissions? permissions = null, params EmulatedRole[] roles) =>
        _state.AddMember(this, name, permissions, roles);

    /// <summary>The member with that user name.</summary>
    public EmulatedMember Member(string name)
    {
        lock (_state.Gate)
        {
            var state = MemberStates.Values.FirstOrDefault(m => string.Equals(m.User.Name, name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No member named '{name}' in guild '{Name}'.");
            return new EmulatedMember(_state, this, state.User);
        }
    }

    /// <summary>The channel (or thread) with that name.</summary>
    public EmulatedChannel Channel(string name)
    {
        lock (_state.Gate)
        {
            return ChannelIds.Select(c => _state.Channels[c]).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No channel named '{name}' in guild '{Name}'.");
        }
    }

    /// <summary>Threads of this guild, active and archived.</summary>
    public IReadOnlyList<EmulatedChannel> Threads => [.. Channels.Where(c => c.IsThread)];

    internal JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Json.Id(Id),
            ["name"] = Name,
            ["icon"] = null,
            ["description"] = null,
            ["home_header"] = null,
            ["splash"] = null,
            ["discovery_splash"] = null,
            ["features"] = new JsonArray(),
            ["banner"] = null,
            ["owner_id"] = Json.Id(OwnerId),
            ["application_id"] = null,
            ["region"] = "",
            ["afk_channel_id"] = null,
            ["afk_timeout"] = 300,
            ["system_channel_id"] = null,
            ["system_channel_flags"] = 0,
            ["widget_enabled"] = false,
            ["widget_channel_id"] = null,
            ["verification_level"] = 0,
            ["roles"] = Json.Array(RoleList.Select(r => (JsonNode?)r.ToJson())),
            ["default_message_notifications"] = 0,
            ["mfa_level"] = 0,
            ["explicit_content_filter"] = 0,
            ["max_presences"] = null,
            ["max_members"] = 25000000,
            ["max_stage_video_channel_users"] = 50,
            ["max_video_channel_users"] = 25,
            ["vanity_url_code"] = null,
            ["premium_tier"] = 0,
            ["premium_subscription_count"] = 0,
            ["preferred_locale"] = "en-US",
            ["rules_channel_id"] = null,
            ["safety_alerts_channel_id"] = null,
            ["public_updates_channel_id"] = null,
            ["premium_progress_bar_enabled"] = false,
            ["nsfw"] = false,
            ["nsfw_level"] = 0,
            ["emojis"] = new JsonArray(),
            ["stickers"] = new JsonArray(),
            ["incidents_data"] = null,
            ["approximate_member_count"] = MemberStates.Count,
            ["approximate_presence_count"] = 0,
        };
        return o;
    }
}
