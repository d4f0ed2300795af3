using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>
/// A message as the emulator stores it, with what it would have pinged under its allowed_mentions
/// (<see cref="PingedUserIds"/>, <see cref="PingedRoleIds"/>, <see cref="PingedEveryone"/>).
/// </summary>
public sealed class EmulatedMessage
{
    internal EmulatedMessage(ulong id, ulong channelId, ulong? guildId, EmulatedUser author)
    {
        Id = id;
        ChannelId = channelId;
        GuildId = guildId;
        Author = author;
        Timestamp = Snowflakes.TimeOf(id);
    }

    public ulong Id { get; }

    public ulong ChannelId { get; }

    public ulong? GuildId { get; }

    public EmulatedUser Author { get; }

    public string Content { get; internal set; } = "";

    /// <summary>Embeds as sent (rich embeds, JSON).</summary>
    public JsonArray Embeds { get; internal set; } = [];

    /// <summary>Components as sent (JSON).</summary>
    public JsonArray Components { get; internal set; } = [];

    public JsonArray Attachments { get; internal set; } = [];

    public int Flags { get; internal set; }

    /// <summary>Discord message type: 0 default, 19 reply, 20 chat-input command response, 21 thread starter.</summary>
    public int Type { get; internal set; }

    public DateTimeOffset Timestamp { get; }

    public DateTimeOffset? EditedTimestamp { get; internal set; }

    public bool Deleted { get; internal set; }

    public bool Ephemeral => (Flags & 64) != 0;

    /// <summary>The interaction this message answers, if any.</summary>
    public ulong? InteractionId { get; internal set; }

    /// <summary>Users this message pinged, after allowed_mentions was applied.</summary>
    public IReadOnlyList<ulong> PingedUserIds { get; internal set; } = [];

    /// <summary>Roles this message pinged, after allowed_mentions was applied.</summary>
    public IReadOnlyList<ulong> PingedRoleIds { get; internal set; } = [];

    /// <summary>Whether @everyone/@here would have pinged.</summary>
    public bool PingedEveryone { get; internal set; }

    /// <summary>The thread started from this message, if any.</summary>
    public ulong? ThreadId { get; internal set; }

    public ulong? ReferencedMessageId { get; internal set; }

    internal JsonNode? Nonce { get; set; }

    internal ulong? WebhookId { get; set; }

    internal ulong? ApplicationId { get; set; }

    internal JsonObject? InteractionMetadata { get; set; }

    /// <summary>Reactions: emoji key (unicode or name:id) → user ids, in order of first use.</summary>
    internal List<KeyValuePair<string, List<ulong>>> ReactionList { get; } = [];

    /// <summary>Users who reacted with the emoji (unicode character or name:id).</summary>
    public IReadOnlyList<ulong> ReactionsOf(string emoji) =>
        ReactionList.FirstOrDefault(r => r.Key == emoji).Value?.ToList() ?? [];

    /// <summary>The text of the embeds' titles, descriptions and fields, for easy assertions.</summary>
    public string EmbedText => string.Join('\n', Embeds.OfType<JsonObject>().SelectMany(EmbedStrings));

    /// <summary>custom_ids of every interactive component on the message.</summary>
    public IReadOnlyList<string> CustomIds => [.. ComponentWalker.All(Components).Select(c => Json.GetString(c, "custom_id")).OfType<string>()];

    private static IEnumerable<string> EmbedStrings(JsonObject e)
    {
        foreach (var key in new[] { "title", "description" })
        {
            if (Json.GetString(e, key) is { } s)
            {
                yield return s;
            }
        }

        if (e["fields"] is JsonArray fields)
        {
            foreach (var f in fields.OfType<JsonObject>())
            {
                yield return $"{Json.GetString(f, "name")}: {Json.GetString(f, "value")}";
            }
        }

        if (e["footer"] is JsonObject footer && Json.GetString(footer, "text") is { } ft)
        {
            yield return ft;
        }
    }

    internal JsonObject ToJson(EmulatorState state, bool includeContent = true, bool includeReferenced = true)
    {
        var o = new JsonObject
        {
            ["id"] = Json.Id(Id),
            ["channel_id"] = Json.Id(ChannelId),
            ["type"] = Type,
            ["content"] = includeContent ? Content : "",
            ["author"] = Author.ToJson(),
            ["mentions"] = Json.Array(PingedUserIds.Where(state.Users.ContainsKey).Select(u => (JsonNode?)state.Users[u].ToJson())),
            ["mention_roles"] = Json.Array(PingedRoleIds.Select(r => (JsonNode?)Json.Id(r))),
            ["mention_everyone"] = PingedEveryone,
            ["attachments"] = includeContent ? Json.Clone(Attachments) : new JsonArray(),
            ["embeds"] = includeContent ? Json.Clone(Embeds) : new JsonArray(),
            ["components"] = includeContent ? Json.Clone(Components) : new JsonArray(),
            ["timestamp"] = Json.Time(Timestamp),
            ["edited_timestamp"] = Json.Time(EditedTimestamp),
            ["flags"] = Flags,
            ["pinned"] = false,
            ["tts"] = false,
        };
        if (Nonce is not null)
        {
            o["nonce"] = Nonce.DeepClone();
        }

        if (WebhookId is { } w)
        {
            o["webhook_id"] = Json.Id(w);
        }

        if (ApplicationId is { } a)
        {
            o["application_id"] = Json.Id(a);
        }

        if (InteractionMetadata is not null)
        {
            o["interaction_metadata"] = InteractionMetadata.DeepClone();
        }

        if (ReactionList.Count > 0)
        {
            o["reactions"] = Json.Array(ReactionList.Where(r => r.Value.Count > 0).Select(r => (JsonNode?)new JsonObject
            {
                ["emoji"] = EmojiJson(r.Key),
                ["count"] = r.Value.Count,
                ["count_details"] = new JsonObject { ["burst"] = 0, ["normal"] = r.Value.Count },
                ["burst_colors"] = new JsonArray(),
                ["me_burst"] = false,
                ["me"] = r.Value.Contains(state.Bot.Id),
            }));
        }

        if (ThreadId is { } t && state.Channels.TryGetValue(t, out var thread))
        {
            o["thread"] = thread.ToJson();
        }

        if (ReferencedMessageId is { } rid)
        {
            o["message_reference"] = new JsonObject
            {
                ["type"] = 0,
                ["channel_id"] = Json.Id(ChannelId),
                ["message_id"] = Json.Id(rid),
                ["guild_id"] = Json.Id(GuildId),
            };
            if (includeReferenced)
            {
                o["referenced_message"] = state.Messages.TryGetValue(rid, out var r) && !r.Deleted
                    ? r.ToJson(state, includeContent, includeReferenced: false)
                    : null;
            }
        }

        return o;
    }

    internal static JsonObject EmojiJson(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new JsonObject { ["id"] = null, ["name"] = key }
            : new JsonObject { ["id"] = key[(colon + 1)..], ["name"] = key[..colon] };
    }
}
