using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

internal static partial class Routes
{
    private static readonly int[] AutoArchiveDurations = [60, 1440, 4320, 10080];

    /// <summary>A channel the bot can see; otherwise 404 Unknown Channel (missing) or 403 Missing Access.</summary>
    private static EmulatedChannel VisibleChannel(RestCall call, out Permissions perms)
    {
        var s = call.State;
        var channel = s.RequireChannel(call.Id("channel_id"));
        perms = s.PermissionsOf(s.Bot.Id, channel);
        if (!perms.HasFlag(Permissions.ViewChannel))
        {
            throw DiscordApiException.MissingAccess();
        }

        return channel;
    }

    private static RestResult GetChannel(RestCall call) => RestResult.Ok(VisibleChannel(call, out _).ToJson());

    private static RestResult PatchChannel(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var body = call.Object();
        var errors = new FormErrors();
        if (body.ContainsKey("name"))
        {
            errors.Length("name", Json.GetString(body, "name"), 1, 100);
        }

        if (Json.GetLong(body, "auto_archive_duration") is { } duration && !AutoArchiveDurations.Contains((int)duration))
        {
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
        }

        if (Json.GetLong(body, "rate_limit_per_user") is { } slow && slow is < 0 or > 21600)
        {
            errors.Add("rate_limit_per_user", "NUMBER_TYPE_MAX", "int value should be less than or equal to 21600.");
        }

        errors.ThrowIfAny();
        if (!channel.IsThread)
        {
            if (!perms.HasFlag(Permissions.ManageChannels))
            {
                throw DiscordApiException.MissingPermissions();
            }

            if (Json.GetString(body, "name") is { } newName)
            {
                channel.Name = newName;
            }

            s.Dispatch("CHANNEL_UPDATE", channel.GuildId, GatewayIntents.Guilds, _ => channel.ToJson());
            return RestResult.Ok(channel.ToJson());
        }

        var manage = perms.HasFlag(Permissions.ManageThreads);
        var creator = channel.OwnerId == s.Bot.Id;
        var archived = Json.GetBool(body, "archived");
        var locked = Json.GetBool(body, "locked");
        if (locked is not null && locked != channel.Locked && !manage)
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (archived == false && channel.Archived)
        {
            // Unarchiving needs membership (or SEND_MESSAGES_IN_THREADS); a locked thread needs MANAGE_THREADS.
            if (channel.Locked && locked != false && !manage)
            {
                throw DiscordApiException.LockedThread();
            }

            if (!channel.ThreadMemberIds.Contains(s.Bot.Id) && !perms.HasFlag(Permissions.SendMessagesInThreads) && !manage)
            {
                throw DiscordApiException.MissingPermissions();
            }
        }
        else if (channel.Archived && archived != false && (body.ContainsKey("name") || body.ContainsKey("auto_archive_duration")))
        {
            throw DiscordApiException.ArchivedThread();
        }

        if ((body.ContainsKey("name") || archived == true || body.ContainsKey("auto_archive_duration")) && !manage && !creator)
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (Json.GetString(body, "name") is { } name)
        {
            channel.Name = name;
        }

        if (Json.GetLong(body, "auto_archive_duration") is { } d)
        {
            channel.AutoArchiveDuration = (int)d;
        }

        if (Json.GetLong(body, "rate_limit_per_user") is { } r)
        {
            channel.RateLimitPerUser = (int)r;
        }

        if (Json.GetBool(body, "invitable") is { } invitable && channel.Type == ChannelType.PrivateThread)
        {
            channel.Invitable = invitable;
        }

        if (locked is { } l)
        {
            channel.Locked = l;
        }

        if (archived is { } a && a != channel.Archived)
        {
            channel.Archived = a;
            channel.ArchiveTimestamp = s.Time.GetUtcNow();
            channel.LastActivity = s.Time.GetUtcNow();
        }

        s.DispatchThread("THREAD_UPDATE", channel);
        return RestResult.Ok(channel.ToJson());
    }

    private static RestResult ListMessages(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var limitText = call.QueryValue("limit");
        var limit = 50;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            var errors = new FormErrors();
            errors.Add("limit", "NUMBER_TYPE_MAX", "int value should be between 1 and 100.");
            throw DiscordApiException.InvalidForm(errors);
        }

        if (!perms.HasFlag(Permissions.ReadMessageHistory))
        {
            return RestResult.Ok(new JsonArray());
        }

        IEnumerable<EmulatedMessage> all = s.ChannelMessages.TryGetValue(channel.Id, out var list) ? list : [];
        all = all.Where(m => !m.Deleted && !m.Ephemeral);
        var before = Json.ParseSnowflake(call.QueryValue("before"));
        var after = Json.ParseSnowflake(call.QueryValue("after"));
        var around = Json.ParseSnowflake(call.QueryValue("around"));
        List<EmulatedMessage> page;
        if (after is { } a)
        {
            page = [.. all.Where(m => m.Id > a).OrderBy(m => m.Id).Take(limit).OrderByDescending(m => m.Id)];
        }
        else if (around is { } r)
        {
            var older = all.Where(m => m.Id <= r).OrderByDescending(m => m.Id).Take((limit + 1) / 2);
            var newer = all.Where(m => m.Id > r).OrderBy(m => m.Id).Take(limit / 2);
            page = [.. older.Concat(newer).OrderByDescending(m => m.Id)];
        }
        else
        {
            page = [.. all.Where(m => before is not { } b || m.Id < b).OrderByDescending(m => m.Id).Take(limit)];
        }

        return RestResult.Ok(Json.Array(page.Select(m => (JsonNode?)m.ToJson(s))));
    }

    private static RestResult GetMessage(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        if (!perms.HasFlag(Permissions.ReadMessageHistory))
        {
            throw DiscordApiException.MissingAccess();
        }

        return RestResult.Ok(s.RequireMessage(channel, call.Id("message_id")).ToJson(s));
    }

    /// <summary>Checks the bot may post in the channel or thread (and that the thread is open for it).</summary>
    private static void RequireCanSend(EmulatorState s, EmulatedChannel channel, Permissions perms)
    {
        if (channel.Type == ChannelType.DirectMessage)
        {
            var recipient = s.Users[channel.RecipientIds[0]];
            if (!recipient.AcceptsDirectMessages)
            {
                throw new DiscordApiException(403, 50007, "Cannot send messages to this user");
            }

            return;
        }

        if (channel.IsThread)
        {
            if (!perms.HasFlag(Permissions.SendMessagesInThreads))
            {
                throw DiscordApiException.MissingPermissions();
            }

            if (channel.Locked && !perms.HasFlag(Permissions.ManageThreads))
            {
                throw channel.Archived ? DiscordApiException.ArchivedThread() : DiscordApiException.LockedThread();
            }

            return;
        }

        if (!perms.HasFlag(Permissions.SendMessages))
        {
            throw DiscordApiException.MissingPermissions();
        }
    }

    private static RestResult CreateMessage(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var body = call.Object();
        var attachments = Attachments(call, body);
        MessageValidator.Validate(body, isCreate: true, MessageCreateFlags, attachments is not null);
        RequireCanSend(s, channel, perms);
        if (attachments is not null && !perms.HasFlag(Permissions.AttachFiles))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (body["message_reference"] is JsonObject && !perms.HasFlag(Permissions.ReadMessageHistory))
        {
            throw DiscordApiException.MissingPermissions();
        }

        var nonceKey = body["nonce"] is JsonValue nonce && Json.GetBool(body, "enforce_nonce") == true
            ? $"{channel.Id}:{s.Bot.Id}:{nonce}"
            : null;
        var now = s.Time.GetUtcNow();
        if (nonceKey is not null && s.Nonces.TryGetValue(nonceKey, out var seen) && now - seen.At < s.Options.NonceWindow)
        {
            return RestResult.Ok(seen.Message.ToJson(s));
        }

        if (channel.IsThread && !channel.ThreadMemberIds.Contains(s.Bot.Id))
        {
            // Posting in a thread makes the author a member, as on Discord.
            s.AddThreadMember(channel, s.Bot.Id);
        }

        var message = s.CreateMessage(channel, s.Bot, body, parseAllByDefault: true, attachments);
        if (nonceKey is not null)
        {
            s.Nonces[nonceKey] = (message, now);
        }

        return RestResult.Ok(message.ToJson(s));
    }

    private static RestResult EditMessage(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var message = s.RequireMessage(channel, call.Id("message_id"));
        var body = call.Object();
        var attachments = Attachments(call, body);
        MessageValidator.Validate(body, isCreate: false, MessageCreateFlags, attachments is not null);
        if (message.Author.Id != s.Bot.Id)
        {
            var onlyFlags = body.All(p => p.Key == "flags");
            if (!onlyFlags || !perms.HasFlag(Permissions.ManageMessages))
            {
                throw new DiscordApiException(403, 50005, "Cannot edit a message authored by another user");
            }
        }

        if (channel.IsThread && channel.Archived)
        {
            throw DiscordApiException.ArchivedThread();
        }

        if (channel.IsThread && channel.Locked && !perms.HasFlag(Permissions.ManageThreads))
        {
            throw DiscordApiException.LockedThread();
        }

        s.EditMessage(message, body, parseAllByDefault: true, attachments);
        return RestResult.Ok(message.ToJson(s));
    }

    private static RestResult DeleteMessage(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var message = s.RequireMessage(channel, call.Id("message_id"));
        if (message.Author.Id != s.Bot.Id && channel.GuildId is not null && !perms.HasFlag(Permissions.ManageMessages))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (message.Type == 21)
        {
            throw new DiscordApiException(400, 50021, "Cannot execute action on a system message");
        }

        s.DeleteMessage(message);
        return RestResult.NoContent();
    }

    private static string ValidEmoji(RestCall call)
    {
        var emoji = call.Param("emoji_name");
        var colon = emoji.IndexOf(':', StringComparison.Ordinal);
        var valid = colon > 0
            ? Json.ParseSnowflake(emoji[(colon + 1)..]) is not null
            : emoji.Length > 0 && emoji.Any(ch => ch > 0x7F);
        return valid ? emoji : throw new DiscordApiException(400, 10014, "Unknown Emoji");
    }

    private static RestResult AddReaction(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var message = s.RequireMessage(channel, call.Id("message_id"));
        var emoji = ValidEmoji(call);
        if (channel.IsThread && channel.Archived)
        {
            throw DiscordApiException.ArchivedThread();
        }

        var exists = message.ReactionList.Any(r => r.Key == emoji && r.Value.Count > 0);
        if (!perms.HasFlag(Permissions.ReadMessageHistory) || (!exists && !perms.HasFlag(Permissions.AddReactions)))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (!exists && message.ReactionList.Count(r => r.Value.Count > 0) >= 20)
        {
            throw new DiscordApiException(400, 30010, "Maximum number of reactions reached (20)");
        }

        s.AddReaction(message, s.Bot.Id, emoji);
        return RestResult.NoContent();
    }

    private static RestResult RemoveReaction(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out _);
        var message = s.RequireMessage(channel, call.Id("message_id"));
        s.RemoveReaction(message, s.Bot.Id, ValidEmoji(call));
        return RestResult.NoContent();
    }

    private static (string Name, int AutoArchive) ThreadBody(JsonObject body)
    {
        var errors = new FormErrors();
        var name = Json.GetString(body, "name");
        errors.Length("name", name, 1, 100);
        var autoArchive = (int)(Json.GetLong(body, "auto_archive_duration") ?? 1440);
        if (!AutoArchiveDurations.Contains(autoArchive))
        {
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
        }

        if (Json.GetLong(body, "rate_limit_per_user") is { } slow && slow is < 0 or > 21600)
        {
            errors.Add("rate_limit_per_user", "NUMBER_TYPE_MAX", "int value should be less than or equal to 21600.");
        }

        errors.ThrowIfAny();
        return (name!, autoArchive);
    }

    private static RestResult StartThreadFromMessage(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var message = s.RequireMessage(channel, call.Id("message_id"));
        var (name, autoArchive) = ThreadBody(call.Object());
        if (channel.Type is not (ChannelType.GuildText or ChannelType.GuildAnnouncement))
        {
            throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
        }

        if (!perms.HasFlag(Permissions.CreatePublicThreads) || !perms.HasFlag(Permissions.ReadMessageHistory))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (message.ThreadId is not null || s.Channels.ContainsKey(message.Id))
        {
            throw new DiscordApiException(400, 160004, "A thread has already been created for this message");
        }

        var type = channel.Type == ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
        var thread = s.CreateThread(channel, message.Id, type, name, s.Bot.Id, autoArchive, invitable: true);
        message.ThreadId = thread.Id;
        message.Flags |= 1 << 5;
        s.DispatchMessage("MESSAGE_UPDATE", message);
        return RestResult.Created(thread.ToJson());
    }

    private static RestResult StartThread(RestCall call)
    {
        var s = call.State;
        var channel = VisibleChannel(call, out var perms);
        var body = call.Object();
        var (name, autoArchive) = ThreadBody(body);
        var type = (ChannelType)(Json.GetLong(body, "type") ?? (long)ChannelType.PrivateThread);
        if (type is not (ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread))
        {
            var errors = new FormErrors();
            errors.Add("type", "BASE_TYPE_CHOICES", "Value must be one of {10, 11, 12}.");
            throw DiscordApiException.InvalidForm(errors);
        }

        if (channel.Type != ChannelType.GuildText || (type == ChannelType.AnnouncementThread))
        {
            throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
        }

        var guild = s.GuildOf(channel);
        if (type == ChannelType.PrivateThread && !guild.AllowPrivateThreads)
        {
            throw new DiscordApiException(400, 20035, "Private threads are not available in this guild");
        }

        var needed = type == ChannelType.PrivateThread ? Permissions.CreatePrivateThreads : Permissions.CreatePublicThreads;
        if (!perms.HasFlag(needed))
        {
            throw DiscordApiException.MissingPermissions();
        }

        var thread = s.CreateThread(channel, s.Ids.Next(), type, name, s.Bot.Id, autoArchive, Json.GetBool(body, "invitable") ?? true);
        return RestResult.Created(thread.ToJson());
    }

    private static RestResult AddThreadMember(RestCall call)
    {
        var s = call.State;
        var thread = VisibleChannel(call, out var perms);
        if (!thread.IsThread)
        {
            throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
        }

        var userId = call.Param("user_id") == "@me" ? s.Bot.Id : call.Id("user_id");
        if (thread.Archived)
        {
            throw DiscordApiException.ArchivedThread();
        }

        if (!s.GuildOf(thread).MemberStates.ContainsKey(userId))
        {
            throw s.Users.ContainsKey(userId) ? DiscordApiException.UnknownMember() : DiscordApiException.UnknownUser();
        }

        if (userId != s.Bot.Id && !perms.HasFlag(Permissions.SendMessagesInThreads))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (userId != s.Bot.Id && thread.Type == ChannelType.PrivateThread && !thread.Invitable
            && thread.OwnerId != s.Bot.Id && !perms.HasFlag(Permissions.ManageThreads))
        {
            throw DiscordApiException.MissingPermissions();
        }

        s.AddThreadMember(thread, userId);
        return RestResult.NoContent();
    }

    private static EmulatedChannel VisibleThread(RestCall call)
    {
        var thread = VisibleChannel(call, out _);
        return thread.IsThread ? thread : throw new DiscordApiException(400, 50024, "Cannot execute action on this channel type");
    }

    private static RestResult ListThreadMembers(RestCall call)
    {
        var thread = VisibleThread(call);
        return RestResult.Ok(Json.Array(thread.ThreadMemberIds.Order().Select(u => (JsonNode?)thread.ThreadMemberJson(u))));
    }

    private static RestResult GetThreadMember(RestCall call)
    {
        var s = call.State;
        var thread = VisibleThread(call);
        var userId = call.Param("user_id") == "@me" ? s.Bot.Id : call.Id("user_id");
        return thread.ThreadMemberIds.Contains(userId)
            ? RestResult.Ok(thread.ThreadMemberJson(userId))
            : throw DiscordApiException.UnknownMember();
    }

    private static RestResult RemoveThreadMember(RestCall call)
    {
        var s = call.State;
        var thread = VisibleChannel(call, out var perms);
        var userId = call.Param("user_id") == "@me" ? s.Bot.Id : call.Id("user_id");
        if (userId != s.Bot.Id && !perms.HasFlag(Permissions.ManageThreads)
            && !(thread.Type == ChannelType.PrivateThread && thread.OwnerId == s.Bot.Id))
        {
            throw DiscordApiException.MissingPermissions();
        }

        if (thread.ThreadMemberIds.Remove(userId))
        {
            s.Dispatch("THREAD_MEMBERS_UPDATE", thread.GuildId, GatewayIntents.Guilds, _ => new JsonObject
            {
                ["id"] = Json.Id(thread.Id),
                ["guild_id"] = Json.Id(thread.GuildId),
                ["member_count"] = Math.Min(50, thread.ThreadMemberIds.Count),
                ["removed_member_ids"] = new JsonArray(Json.Id(userId)),
            });
        }

        return RestResult.NoContent();
    }
}
