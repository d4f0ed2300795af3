using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiscordEmulator.Rest;

namespace DiscordEmulator.State;

internal sealed partial class EmulatorState
{
    /// <summary>Permissions of a user in a channel: @everyone, roles, then channel overwrites in Discord's order.</summary>
    public Permissions PermissionsOf(ulong userId, EmulatedChannel channel)
    {
        if (channel.GuildId is null)
        {
            return Permissions.ViewChannel | Permissions.SendMessages | Permissions.ReadMessageHistory | Permissions.AddReactions
                | Permissions.EmbedLinks | Permissions.AttachFiles;
        }

        var guild = GuildOf(channel);
        var baseChannel = channel.IsThread && channel.ParentId is { } p && Channels.TryGetValue(p, out var parent) ? parent : channel;
        if (!guild.MemberStates.TryGetValue(userId, out var member))
        {
            return Permissions.None;
        }

        var perms = GuildPermissionsOf(guild, member);
        if (perms.HasFlag(Permissions.Administrator))
        {
            return Permissions.All;
        }

        var overwrites = baseChannel.OverwriteList;
        if (overwrites.FirstOrDefault(o => o.TargetId == guild.Id) is { } everyone)
        {
            perms = (perms & ~everyone.Deny) | everyone.Allow;
        }

        Permissions roleAllow = 0, roleDeny = 0;
        foreach (var o in overwrites.Where(o => o.Type == OverwriteType.Role && o.TargetId != guild.Id && member.RoleIds.Contains(o.TargetId)))
        {
            roleAllow |= o.Allow;
            roleDeny |= o.Deny;
        }

        perms = (perms & ~roleDeny) | roleAllow;
        if (overwrites.FirstOrDefault(o => o.Type == OverwriteType.Member && o.TargetId == userId) is { } own)
        {
            perms = (perms & ~own.Deny) | own.Allow;
        }

        if (!perms.HasFlag(Permissions.ViewChannel))
        {
            return Permissions.None;
        }

        if (channel.Type == ChannelType.PrivateThread && !channel.ThreadMemberIds.Contains(userId) && !perms.HasFlag(Permissions.ManageThreads))
        {
            return Permissions.None;
        }

        return perms;
    }

    /// <summary>The DM channel between the bot and a user, created on first use.</summary>
    public EmulatedChannel DirectMessageChannel(EmulatedUser user)
    {
        var dm = Channels.Values.FirstOrDefault(c => c.Type == ChannelType.DirectMessage && c.RecipientIds.Contains(user.Id));
        if (dm is null)
        {
            dm = new EmulatedChannel(this, Ids.Next(), ChannelType.DirectMessage, user.Name, guildId: null);
            dm.RecipientIds.Add(user.Id);
            Channels[dm.Id] = dm;
        }

        return dm;
    }

    /// <summary>Archives a thread idle for longer than its auto_archive_duration (Discord does this on its own).</summary>
    public void ApplyAutoArchive(EmulatedChannel channel)
    {
        if (!Options.AutoArchiveThreads || !channel.IsThread || channel.Archived)
        {
            return;
        }

        var due = channel.LastActivity + TimeSpan.FromMinutes(channel.AutoArchiveDuration);
        if (Time.GetUtcNow() >= due)
        {
            channel.Archived = true;
            channel.ArchiveTimestamp = due;
            DispatchThread("THREAD_UPDATE", channel);
        }
    }

    public static Permissions GuildPermissionsOf(EmulatedGuild guild, GuildMemberState member)
    {
        if (guild.OwnerId == member.User.Id)
        {
            return Permissions.All;
        }

        var perms = guild.EveryoneRole.Permissions;
        foreach (var role in guild.RoleList.Where(r => member.RoleIds.Contains(r.Id)))
        {
            perms |= role.Permissions;
        }

        return perms.HasFlag(Permissions.Administrator) ? Permissions.All : perms;
    }

    public EmulatedChannel RequireChannel(ulong? id)
    {
        if (id is { } v && Channels.TryGetValue(v, out var channel))
        {
            ApplyAutoArchive(channel);
            return channel;
        }

        throw DiscordApiException.UnknownChannel();
    }

    public EmulatedMessage RequireMessage(EmulatedChannel channel, ulong? id)
    {
        if (id is { } v && Messages.TryGetValue(v, out var m) && m.ChannelId == channel.Id && !m.Deleted)
        {
            return m;
        }

        throw DiscordApiException.UnknownMessage();
    }

    /// <summary>Stores a new message, updates the channel and thread, fires MESSAGE_CREATE (unless ephemeral).</summary>
    public EmulatedMessage CreateMessage(EmulatedChannel channel, EmulatedUser author, JsonObject body, bool parseAllByDefault, JsonArray? attachments = null, Action<EmulatedMessage>? configure = null)
    {
        var message = new EmulatedMessage(Ids.Next(), channel.Id, channel.GuildId, author);
        ApplyContent(message, body, attachments);
        message.Flags = (int)(Json.GetLong(body, "flags") ?? 0);
        if (body["nonce"] is JsonValue nonce)
        {
            message.Nonce = nonce.DeepClone();
        }

        if (body["message_reference"] is JsonObject reference && Json.GetLong(reference, "type") is null or 0)
        {
            var refId = Json.GetSnowflake(reference, "message_id");
            var exists = refId is { } r && Messages.TryGetValue(r, out var target) && !target.Deleted;
            if (!exists && Json.GetBool(reference, "fail_if_not_exists") != false)
            {
                var errors = new FormErrors();
                errors.Add("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
                throw DiscordApiException.InvalidForm(errors);
            }

            if (exists)
            {
                message.ReferencedMessageId = refId;
                message.Type = 19;
            }
        }

        configure?.Invoke(message);
        ComputeMentions(message, channel, body["allowed_mentions"] as JsonObject, parseAllByDefault);
        Messages[message.Id] = message;
        if (!ChannelMessages.TryGetValue(channel.Id, out var list))
        {
            list = [];
            ChannelMessages[channel.Id] = list;
        }

        list.Add(message);
        if (!message.Ephemeral)
        {
            channel.LastMessageId = message.Id;
            if (channel.IsThread)
            {
                channel.LastActivity = Time.GetUtcNow();
                channel.MessageCount++;
                channel.TotalMessageSent++;
                if (channel.Archived && !channel.Locked)
                {
                    channel.Archived = false;
                    DispatchThread("THREAD_UPDATE", channel);
                }
            }

            DispatchMessage("MESSAGE_CREATE", message);
        }

        NotifyMessage(message);
        return message;
    }

    public static void ApplyContent(EmulatedMessage message, JsonObject body, JsonArray? attachments)
    {
        if (body.ContainsKey("content"))
        {
            message.Content = Json.GetString(body, "content") ?? "";
        }

        if (body.ContainsKey("embeds"))
        {
            message.Embeds = body["embeds"] is JsonArray e ? Normalize(e) : [];
        }

        if (body.ContainsKey("components"))
        {
            message.Components = body["components"] is JsonArray c ? ComponentWalker.AssignIds((JsonArray)c.DeepClone()) : [];
        }

        if (attachments is not null)
        {
            message.Attachments = attachments;
        }
        else if (body.ContainsKey("attachments") && body["attachments"] is JsonArray keep)
        {
            // On edit, the list names the attachments to keep.
            var ids = keep.OfType<JsonObject>().Select(a => Json.GetSnowflake(a, "id")).ToHashSet();
            message.Attachments = Json.Array(message.Attachments.OfType<JsonObject>().Where(a => ids.Contains(Json.GetSnowflake(a, "id"))).Select(a => a.DeepClone()));
        }
    }

    private static JsonArray Normalize(JsonArray embeds) => Json.Array(embeds.Select(e =>
    {
        var o = (JsonObject)e!.DeepClone();
        o["type"] = "rich";
        return (JsonNode?)o;
    }));

    public void DispatchMessage(string type, EmulatedMessage message)
    {
        var intent = message.GuildId is null ? GatewayIntents.DirectMessages : GatewayIntents.GuildMessages;
        var channel = Channels[message.ChannelId];
        if (channel.Type == ChannelType.PrivateThread && !BotCanSeeThread(channel))
        {
            return;
        }

        Dispatch(type, message.GuildId, intent, session =>
        {
            var content = session.Has(GatewayIntents.MessageContent) || message.GuildId is null || message.Author.IsBot && message.Author.Id == Bot.Id
                || message.PingedUserIds.Contains(Bot.Id);
            var o = message.ToJson(this, content);
            if (message.GuildId is { } g)
            {
                o["guild_id"] = Json.Id(g);
                if (Guilds.TryGetValue(g, out var guild) && guild.MemberStates.TryGetValue(message.Author.Id, out var member) && message.WebhookId is null)
                {
                    o["member"] = member.ToJson(includeUser: false);
                }
            }

            o["channel_type"] = (int)channel.Type;
            return o;
        });
    }

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d+)>")]
    private static partial Regex RoleMention();

    /// <summary>Works out who the message would ping, honouring allowed_mentions and Discord's defaults.</summary>
    public void ComputeMentions(EmulatedMessage message, EmulatedChannel channel, JsonObject? allowed, bool parseAllByDefault)
    {
        var text = message.Content;
        var users = UserMention().Matches(text).Select(m => Json.ParseSnowflake(m.Groups[1].Value)).OfType<ulong>().Where(Users.ContainsKey).Distinct().ToList();
        var roles = RoleMention().Matches(text).Select(m => Json.ParseSnowflake(m.Groups[1].Value)).OfType<ulong>().Distinct().ToList();
        var everyone = text.Contains("@everyone", StringComparison.Ordinal) || text.Contains("@here", StringComparison.Ordinal);

        HashSet<string> parse;
        HashSet<ulong> allowUsers = [], allowRoles = [];
        bool repliedUser;
        if (allowed is null)
        {
            parse = parseAllByDefault ? ["users", "roles", "everyone"] : ["users"];
            repliedUser = true;
        }
        else
        {
            parse = (allowed["parse"] as JsonArray)?.Select(p => p?.ToString() ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
            allowUsers = (allowed["users"] as JsonArray)?.Select(u => Json.ParseSnowflake(u?.ToString())).OfType<ulong>().ToHashSet() ?? [];
            allowRoles = (allowed["roles"] as JsonArray)?.Select(u => Json.ParseSnowflake(u?.ToString())).OfType<ulong>().ToHashSet() ?? [];
            repliedUser = Json.GetBool(allowed, "replied_user") ?? false;
        }

        var pingedUsers = users.Where(u => parse.Contains("users") || allowUsers.Contains(u)).ToList();
        if (repliedUser && message.ReferencedMessageId is { } rid && Messages.TryGetValue(rid, out var referenced) && !pingedUsers.Contains(referenced.Author.Id))
        {
            pingedUsers.Add(referenced.Author.Id);
        }

        message.PingedUserIds = pingedUsers;
        message.PingedRoleIds = [.. roles.Where(r => parse.Contains("roles") || allowRoles.Contains(r))];
        message.PingedEveryone = everyone && parse.Contains("everyone")
            && (channel.GuildId is null || PermissionsOf(message.Author.Id, channel).HasFlag(Permissions.MentionEveryone));
    }

    public void EditMessage(EmulatedMessage message, JsonObject body, bool parseAllByDefault, JsonArray? attachments = null)
    {
        ApplyContent(message, body, attachments);
        if (body.ContainsKey("flags"))
        {
            // Only SUPPRESS_EMBEDS and IS_COMPONENTS_V2 can change on edit; the rest stay.
            var requested = (int)(Json.GetLong(body, "flags") ?? 0);
            message.Flags = (message.Flags & ~(4 | 32768)) | (requested & (4 | 32768));
        }

        message.EditedTimestamp = Time.GetUtcNow();
        ComputeMentions(message, Channels[message.ChannelId], body["allowed_mentions"] as JsonObject, parseAllByDefault);
        if (!message.Ephemeral)
        {
            DispatchMessage("MESSAGE_UPDATE", message);
        }

        NotifyMessage(message);
    }

    public void DeleteMessage(EmulatedMessage message)
    {
        message.Deleted = true;
        var channel = Channels[message.ChannelId];
        if (channel.IsThread && channel.MessageCount > 0)
        {
            channel.MessageCount--;
        }

        if (!message.Ephemeral)
        {
            var intent = message.GuildId is null ? GatewayIntents.DirectMessages : GatewayIntents.GuildMessages;
            Dispatch("MESSAGE_DELETE", message.GuildId, intent, _ => new JsonObject
            {
                ["id"] = Json.Id(message.Id),
                ["channel_id"] = Json.Id(message.ChannelId),
                ["guild_id"] = Json.Id(message.GuildId),
            });
        }
    }

    public void AddReaction(EmulatedMessage message, ulong userId, string emoji)
    {
        var entry = message.ReactionList.FirstOrDefault(r => r.Key == emoji);
        if (entry.Value is null)
        {
            entry = new KeyValuePair<string, List<ulong>>(emoji, []);
            message.ReactionList.Add(entry);
        }

        if (entry.Value.Contains(userId))
        {
            return;
        }

        entry.Value.Add(userId);
        var intent = message.GuildId is null ? GatewayIntents.DirectMessageReactions : GatewayIntents.GuildMessageReactions;
        Dispatch("MESSAGE_REACTION_ADD", message.GuildId, intent, _ =>
        {
            var o = new JsonObject
            {
                ["user_id"] = Json.Id(userId),
                ["channel_id"] = Json.Id(message.ChannelId),
                ["message_id"] = Json.Id(message.Id),
                ["emoji"] = EmulatedMessage.EmojiJson(emoji),
                ["message_author_id"] = Json.Id(message.Author.Id),
                ["burst"] = false,
                ["burst_colors"] = new JsonArray(),
                ["type"] = 0,
            };
            if (message.GuildId is { } g)
            {
                o["guild_id"] = Json.Id(g);
                if (Guilds[g].MemberStates.TryGetValue(userId, out var member))
                {
                    o["member"] = member.ToJson();
                }
            }

            return o;
        });
    }

    public void RemoveReaction(EmulatedMessage message, ulong userId, string emoji)
    {
        var entry = message.ReactionList.FirstOrDefault(r => r.Key == emoji);
        if (entry.Value is null || !entry.Value.Remove(userId))
        {
            return;
        }

        var intent = message.GuildId is null ? GatewayIntents.DirectMessageReactions : GatewayIntents.GuildMessageReactions;
        Dispatch("MESSAGE_REACTION_REMOVE", message.GuildId, intent, _ => new JsonObject
        {
            ["user_id"] = Json.Id(userId),
            ["channel_id"] = Json.Id(message.ChannelId),
            ["message_id"] = Json.Id(message.Id),
            ["guild_id"] = Json.Id(message.GuildId),
            ["emoji"] = EmulatedMessage.EmojiJson(emoji),
            ["burst"] = false,
            ["type"] = 0,
        });
    }

    /// <summary>Creates a thread (public from a message, or public/private without one) and fires THREAD_CREATE.</summary>
    public EmulatedChannel CreateThread(EmulatedChannel parent, ulong id, ChannelType type, string name, ulong ownerId, int autoArchive, bool invitable)
    {
        var guild = GuildOf(parent);
        var thread = new EmulatedChannel(this, id, type, name, parent.GuildId)
        {
            ParentId = parent.Id,
            OwnerId = ownerId,
            AutoArchiveDuration = autoArchive,
            Invitable = invitable,
        };
        thread.ThreadMemberIds.Add(ownerId);
        thread.LastActivity = Time.GetUtcNow();
        Channels[thread.Id] = thread;
        guild.ChannelIds.Add(thread.Id);
        if (BotCanSeeThread(thread))
        {
            Dispatch("THREAD_CREATE", thread.GuildId, GatewayIntents.Guilds, _ =>
            {
                var o = thread.ToJson();
                o["newly_created"] = true;
                return o;
            });
        }

        return thread;
    }

    public void AddThreadMember(EmulatedChannel thread, ulong userId)
    {
        if (!thread.ThreadMemberIds.Add(userId))
        {
            return;
        }

        if (userId == Bot.Id)
        {
            DispatchThread("THREAD_CREATE", thread);
        }

        if (!BotCanSeeThread(thread))
        {
            return;
        }

        Dispatch("THREAD_MEMBERS_UPDATE", thread.GuildId, GatewayIntents.Guilds, _ => new JsonObject
        {
            ["id"] = Json.Id(thread.Id),
            ["guild_id"] = Json.Id(thread.GuildId),
            ["member_count"] = Math.Min(50, thread.ThreadMemberIds.Count),
            ["added_members"] = new JsonArray(thread.ThreadMemberJson(userId)),
        });
    }
}
