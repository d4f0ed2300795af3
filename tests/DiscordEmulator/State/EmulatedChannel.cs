using System.Globalization;
using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>A text channel, a thread or a DM channel. Threads carry archived/locked state and their members.</summary>
public sealed class EmulatedChannel
{
    private readonly EmulatorState _state;
    private readonly List<PermissionOverwrite> _overwrites = [];

    internal EmulatedChannel(EmulatorState state, ulong id, ChannelType type, string name, ulong? guildId)
    {
        _state = state;
        Id = id;
        Type = type;
        Name = name;
        GuildId = guildId;
        CreatedAt = Snowflakes.TimeOf(id);
    }

    public ulong Id { get; }

    public ChannelType Type { get; }

    public string Name { get; internal set; }

    public ulong? GuildId { get; }

    /// <summary>For threads: the channel the thread lives in.</summary>
    public ulong? ParentId { get; internal set; }

    /// <summary>For threads: who created it.</summary>
    public ulong? OwnerId { get; internal set; }

    public bool IsThread => Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread;

    public bool Archived { get; internal set; }

    public bool Locked { get; internal set; }

    public bool Invitable { get; internal set; } = true;

    public int AutoArchiveDuration { get; internal set; } = 1440;

    public int RateLimitPerUser { get; internal set; }

    public DateTimeOffset CreatedAt { get; }

    internal DateTimeOffset? ArchiveTimestamp { get; set; }

    /// <summary>Last message or unarchive, for auto-archiving.</summary>
    internal DateTimeOffset LastActivity { get; set; }

    internal int Position { get; init; }

    internal ulong? LastMessageId { get; set; }

    internal int MessageCount { get; set; }

    internal int TotalMessageSent { get; set; }

    internal HashSet<ulong> ThreadMemberIds { get; } = [];

    internal List<ulong> RecipientIds { get; } = [];

    /// <summary>Members of a thread (user ids).</summary>
    public IReadOnlyCollection<ulong> ThreadMembers
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. ThreadMemberIds];
            }
        }
    }

    /// <summary>The channel mention, &lt;#id&gt;.</summary>
    public string Mention => $"<#{Json.Id(Id)}>";

    public IReadOnlyList<PermissionOverwrite> Overwrites
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _overwrites];
            }
        }
    }

    internal List<PermissionOverwrite> OverwriteList => _overwrites;

    /// <summary>Sets (replaces) the overwrite for a role or member on this channel.</summary>
    public EmulatedChannel SetOverwrite(ulong targetId, OverwriteType type, Permissions allow, Permissions deny)
    {
        lock (_state.Gate)
        {
            _overwrites.RemoveAll(o => o.TargetId == targetId);
            _overwrites.Add(new PermissionOverwrite(targetId, type, allow, deny));
        }

        return this;
    }

    /// <summary>Denies the bot the given permissions in this channel (a member overwrite).</summary>
    public EmulatedChannel DenyBot(Permissions deny) => SetOverwrite(_state.Bot.Id, OverwriteType.Member, Permissions.None, deny);

    /// <summary>A moderator archives (and optionally locks) this thread; fires THREAD_UPDATE.</summary>
    public void Archive(bool locked = false) => _state.SetThreadState(this, archived: true, locked: locked);

    /// <summary>A moderator unarchives and unlocks this thread; fires THREAD_UPDATE.</summary>
    public void Unarchive() => _state.SetThreadState(this, archived: false, locked: false);

    internal JsonObject ToJson(bool includeBotMember = true)
    {
        if (Type == ChannelType.DirectMessage)
        {
            return new JsonObject
            {
                ["id"] = Json.Id(Id),
                ["type"] = (int)Type,
                ["last_message_id"] = Json.Id(LastMessageId),
                ["flags"] = 0,
                ["recipients"] = Json.Array(RecipientIds.Select(r => (JsonNode?)_state.Users[r].ToJson())),
            };
        }

        var o = new JsonObject
        {
            ["id"] = Json.Id(Id),
            ["type"] = (int)Type,
            ["guild_id"] = Json.Id(GuildId),
            ["name"] = Name,
            ["last_message_id"] = Json.Id(LastMessageId),
            ["flags"] = 0,
            ["rate_limit_per_user"] = RateLimitPerUser,
        };
        if (IsThread)
        {
            o["parent_id"] = Json.Id(ParentId);
            o["owner_id"] = Json.Id(OwnerId);
            o["message_count"] = MessageCount;
            o["member_count"] = Math.Min(50, ThreadMemberIds.Count);
            o["total_message_sent"] = TotalMessageSent;
            var meta = new JsonObject
            {
                ["archived"] = Archived,
                ["archive_timestamp"] = Json.Time(ArchiveTimestamp ?? CreatedAt),
                ["auto_archive_duration"] = AutoArchiveDuration,
                ["locked"] = Locked,
                ["create_timestamp"] = Json.Time(CreatedAt),
            };
            if (Type == ChannelType.PrivateThread)
            {
                meta["invitable"] = Invitable;
            }

            o["thread_metadata"] = meta;
            if (includeBotMember && ThreadMemberIds.Contains(_state.Bot.Id))
            {
                o["member"] = ThreadMemberJson(_state.Bot.Id);
            }
        }
        else
        {
            o["position"] = Position;
            o["parent_id"] = null;
            o["topic"] = null;
            o["nsfw"] = false;
            o["permission_overwrites"] = Json.Array(_overwrites.Select(w => (JsonNode?)new JsonObject
            {
                ["id"] = Json.Id(w.TargetId),
                ["type"] = (int)w.Type,
                ["allow"] = ((ulong)w.Allow).ToString(CultureInfo.InvariantCulture),
                ["deny"] = ((ulong)w.Deny).ToString(CultureInfo.InvariantCulture),
            }));
        }

        return o;
    }

    internal JsonObject ThreadMemberJson(ulong userId) => new()
    {
        ["id"] = Json.Id(Id),
        ["user_id"] = Json.Id(userId),
        ["join_timestamp"] = Json.Time(CreatedAt),
        ["flags"] = 0,
    };
}
