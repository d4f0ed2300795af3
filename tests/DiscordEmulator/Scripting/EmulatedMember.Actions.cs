using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Scripting;

public sealed partial class EmulatedMember
{
    /// <summary>Runs a slash command in <see cref="DefaultChannel"/>. "daily setup" runs subcommand setup of /daily.</summary>
    public Task<InteractionHandle> RunsCommandAsync(string command, params (string Name, object? Value)[] options) =>
        RunsCommandInAsync(DefaultChannel.Id, command, options);

    /// <summary>Runs a slash command in a given channel or thread.</summary>
    public Task<InteractionHandle> RunsCommandInAsync(ulong channelId, string command, params (string Name, object? Value)[] options)
    {
        lock (_state.Gate)
        {
            var channel = VisibleChannel(channelId);
            if (channel.IsThread && channel.Archived)
            {
                throw new InvalidOperationException($"Commands cannot run in archived thread '{channel.Name}'.");
            }

            var (registered, data) = BuildCommandData(command, options, focused: null);
            RequireCommandPermissions(registered, channel);
            return Task.FromResult(Send(2, channel, data, sourceMessage: null));
        }
    }

    /// <summary>Types into an autocompleted option: sends an autocomplete interaction with that option focused.</summary>
    public Task<InteractionHandle> AutocompleteAsync(string command, string focusedOption, string partialValue, params (string Name, object? Value)[] otherOptions)
    {
        lock (_state.Gate)
        {
            var channel = DefaultChannel;
            var all = otherOptions.Append((focusedOption, (object?)partialValue)).ToArray();
            var (_, data) = BuildCommandData(command, all, focusedOption);
            return Task.FromResult(Send(4, channel, data, sourceMessage: null));
        }
    }

    /// <summary>Posts a message as this member (fires MESSAGE_CREATE); joins a public thread on first post.</summary>
    public Task<EmulatedMessage> PostsAsync(ulong channelId, string text, ulong? replyTo = null)
    {
        lock (_state.Gate)
        {
            var channel = VisibleChannel(channelId);
            var perms = _state.PermissionsOf(Id, channel);
            var needed = channel.IsThread ? Permissions.SendMessagesInThreads : Permissions.SendMessages;
            if (!perms.HasFlag(needed) || (channel.IsThread && channel.Locked && !perms.HasFlag(Permissions.ManageThreads)))
            {
                throw new InvalidOperationException($"{Name} cannot post in '{channel.Name}' (permissions or locked thread).");
            }

            if (channel.IsThread && !channel.ThreadMemberIds.Contains(Id))
            {
                _state.AddThreadMember(channel, Id);
            }

            var body = new JsonObject { ["content"] = text };
            if (replyTo is { } r)
            {
                body["message_reference"] = new JsonObject { ["message_id"] = Json.Id(r) };
            }

            return Task.FromResult(_state.CreateMessage(channel, User, body, parseAllByDefault: true));
        }
    }

    /// <summary>Sends the bot a direct message (MESSAGE_CREATE without guild_id, DIRECT_MESSAGES intent).</summary>
    public Task<EmulatedMessage> SendsDirectMessageAsync(string text)
    {
        lock (_state.Gate)
        {
            var dm = _state.DirectMessageChannel(User);
            return Task.FromResult(_state.CreateMessage(dm, User, new JsonObject { ["content"] = text }, parseAllByDefault: true));
        }
    }

    /// <summary>Messages in this member's DM channel with the bot, oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> DirectMessages
    {
        get
        {
            lock (_state.Gate)
            {
                var dm = _state.Channels.Values.FirstOrDefault(c => c.Type == ChannelType.DirectMessage && c.RecipientIds.Contains(Id));
                return dm is not null && _state.ChannelMessages.TryGetValue(dm.Id, out var list) ? [.. list.Where(m => !m.Deleted)] : [];
            }
        }
    }

    /// <summary>Edits one of this member's messages (fires MESSAGE_UPDATE).</summary>
    public Task<EmulatedMessage> EditsAsync(ulong messageId, string text)
    {
        lock (_state.Gate)
        {
            var message = OwnMessage(messageId);
            _state.EditMessage(message, new JsonObject { ["content"] = text }, parseAllByDefault: true);
            return Task.FromResult(message);
        }
    }

    /// <summary>Deletes one of this member's messages (fires MESSAGE_DELETE).</summary>
    public Task DeletesAsync(ulong messageId)
    {
        lock (_state.Gate)
        {
            _state.DeleteMessage(OwnMessage(messageId));
            return Task.CompletedTask;
        }
    }

    /// <summary>Reacts to a message with a unicode emoji or name:id (fires MESSAGE_REACTION_ADD).</summary>
    public Task ReactsAsync(ulong messageId, string emoji)
    {
        lock (_state.Gate)
        {
            var message = AnyMessage(messageId);
            VisibleChannel(message.ChannelId);
            _state.AddReaction(message, Id, emoji);
            return Task.CompletedTask;
        }
    }

    /// <summary>Removes this member's reaction (fires MESSAGE_REACTION_REMOVE).</summary>
    public Task UnreactsAsync(ulong messageId, string emoji)
    {
        lock (_state.Gate)
        {
            _state.RemoveReaction(AnyMessage(messageId), Id, emoji);
            return Task.CompletedTask;
        }
    }

    /// <summary>Clicks a button (by custom_id) on a message: sends a component interaction.</summary>
    public Task<InteractionHandle> ClicksButtonAsync(ulong messageId, string customId)
    {
        lock (_state.Gate)
        {
            var (message, component) = FindComponent(messageId, customId);
            if (Json.GetLong(component, "type") != 2)
            {
                throw new InvalidOperationException($"Component '{customId}' is not a button.");
            }

            var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
            return Task.FromResult(Send(3, _state.Channels[message.ChannelId], data, message));
        }
    }

    /// <summary>Chooses values in a string select on a message: sends a component interaction.</summary>
    public Task<InteractionHandle> SelectsAsync(ulong messageId, string customId, params string[] values)
    {
        lock (_state.Gate)
        {
            var (message, component) = FindComponent(messageId, customId);
            var type = Json.GetLong(component, "type") ?? 0;
            if (type is not (3 or 5 or 6 or 7 or 8))
            {
                throw new InvalidOperationException($"Component '{customId}' is not a select menu.");
            }

            if (type == 3 && component["options"] is JsonArray options)
            {
                var known = options.OfType<JsonObject>().Select(o => Json.GetString(o, "value")).ToHashSet(StringComparer.Ordinal);
                if (values.FirstOrDefault(v => !known.Contains(v)) is { } unknown)
                {
                    throw new InvalidOperationException($"Select '{customId}' has no option '{unknown}'.");
                }
            }

            var data = new JsonObject
            {
                ["custom_id"] = customId,
                ["component_type"] = type,
                ["values"] = Json.Array(values.Select(v => (JsonNode?)v)),
            };
            return Task.FromResult(Send(3, _state.Channels[message.ChannelId], data, message));
        }
    }

    /// <summary>Submits the modal the bot last showed this member with that custom_id.</summary>
    public Task<InteractionHandle> SubmitsModalAsync(string customId, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return SubmitsModalAsync(customId, [.. fields.Select(f => (f.Key, f.Value))]);
    }

    /// <summary>Submits the modal the bot last showed this member with that custom_id, filling text inputs by custom_id.</summary>
    public Task<InteractionHandle> SubmitsModalAsync(string customId, params (string CustomId, string Value)[] fields)
    {
        lock (_state.Gate)
        {
            var shown = _state.Interactions.Values
                .Where(i => i.User.Id == Id && i.ResponseType == 9)
                .OrderByDescending(i => i.Id)
                .Select(i => (Interaction: i, Modal: i.Response.Task.Result.Data))
                .FirstOrDefault(x => Json.GetString(x.Modal, "custom_id") == customId);
            if (shown.Modal is null)
            {
                throw new InvalidOperationException($"The bot never showed {Name} a modal '{customId}'.");
            }

            var values = fields.ToDictionary(f => f.CustomId, f => f.Value, StringComparer.Ordinal);
            var components = new JsonArray();
            foreach (var top in (shown.Modal["components"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = Json.GetLong(top, "type");
                if (type == 18 && top["component"] is JsonObject inner)
                {
                    components.Add(new JsonObject { ["type"] = 18, ["id"] = top["id"]?.DeepClone(), ["component"] = SubmittedInput(inner, values) });
                }
                else if (type == 1 && top["components"] is JsonArray row)
                {
                    components.Add(new JsonObject
                    {
                        ["type"] = 1,
                        ["components"] = Json.Array(row.OfType<JsonObject>().Select(c => (JsonNode?)SubmittedInput(c, values))),
                    });
                }
            }

            var unknownField = values.Keys.FirstOrDefault(k => !ComponentWalker.All(components).Any(c => Json.GetString(c, "custom_id") == k));
            if (unknownField is not null)
            {
                throw new InvalidOperationException($"Modal '{customId}' has no input '{unknownField}'.");
            }

            var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
            var source = shown.Interaction.SourceMessageId is { } sid ? _state.Messages[sid] : null;
            return Task.FromResult(Send(5, _state.Channels[shown.Interaction.ChannelId], data, source));
        }
    }

    private static JsonObject SubmittedInput(JsonObject input, Dictionary<string, string> values)
    {
        var id = Json.GetString(input, "custom_id") ?? "";
        var type = Json.GetLong(input, "type") ?? 4;
        var value = values.TryGetValue(id, out var v) ? v : Json.GetString(input, "value") ?? "";
        if (Json.GetBool(input, "required") != false && type == 4 && value.Length == 0)
        {
            throw new InvalidOperationException($"Modal input '{id}' is required.");
        }

        var o = new JsonObject { ["type"] = type, ["custom_id"] = id };
        if (type == 3)
        {
            o["values"] = new JsonArray(value);
        }
        else
        {
            o["value"] = value;
        }

        if (input["id"] is { } cid)
        {
            o["id"] = cid.DeepClone();
        }

        return o;
    }

    private (EmulatedMessage Message, JsonObject Component) FindComponent(ulong messageId, string customId)
    {
        var message = AnyMessage(messageId);
        VisibleChannel(message.ChannelId);
        if (message.Ephemeral && !(message.InteractionId is { } iid && _state.Interactions.TryGetValue(iid, out var owner) && owner.User.Id == Id))
        {
            throw new InvalidOperationException($"{Name} cannot see ephemeral message {messageId}.");
        }

        var component = ComponentWalker.All(message.Components).FirstOrDefault(c => Json.GetString(c, "custom_id") == customId)
            ?? throw new InvalidOperationException($"Message {messageId} has no component '{customId}'.");
        if (Json.GetBool(component, "disabled") == true)
        {
            throw new InvalidOperationException($"Component '{customId}' is disabled.");
        }

        return (message, component);
    }

    private EmulatedMessage AnyMessage(ulong messageId) =>
        _state.Messages.TryGetValue(messageId, out var m) && !m.Deleted ? m : throw new InvalidOperationException($"Unknown message {messageId}.");

    private EmulatedMessage OwnMessage(ulong messageId)
    {
        var m = AnyMessage(messageId);
        return m.Author.Id == Id ? m : throw new InvalidOperationException($"Message {messageId} is not {Name}'s.");
    }

    private EmulatedChannel VisibleChannel(ulong channelId)
    {
        if (!_state.Channels.TryGetValue(channelId, out var channel))
        {
            throw new InvalidOperationException($"Unknown channel {channelId}.");
        }

        if (channel.GuildId != Guild.Id || !_state.PermissionsOf(Id, channel).HasFlag(Permissions.ViewChannel))
        {
            throw new InvalidOperationException($"{Name} cannot see channel '{channel.Name}'.");
        }

        _state.ApplyAutoArchive(channel);
        return channel;
    }

    private void RequireCommandPermissions(EmulatedCommand command, EmulatedChannel channel)
    {
        var perms = _state.PermissionsOf(Id, channel);
        if (!perms.HasFlag(Permissions.UseApplicationCommands))
        {
            throw new InvalidOperationException($"{Name} may not use application commands in '{channel.Name}'.");
        }

        if (Json.GetString(command.Definition, "default_member_permissions") is { } text
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var needed)
            && ((Permissions)needed & perms) != (Permissions)needed)
        {
            throw new InvalidOperationException($"{Name} lacks the permissions /{command.Name} requires.");
        }
    }

    private InteractionHandle Send(int type, EmulatedChannel channel, JsonObject data, EmulatedMessage? sourceMessage)
    {
        if (!_state.LiveSessions().Any())
        {
            throw new InvalidOperationException("No bot is connected to the gateway; nobody would receive the interaction.");
        }

        var id = _state.Ids.Next();
        var token = "aW50ZXJhY3Rpb24" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var interaction = new InteractionState(id, token, type, User, Guild.Id, channel.Id, _state.Time.GetUtcNow(), _state.Time.GetTimestamp())
        {
            SourceMessageId = sourceMessage?.Id,
        };
        var member = Guild.MemberStates[Id].ToJson();
        member["permissions"] = ((ulong)_state.PermissionsOf(Id, channel)).ToString(CultureInfo.InvariantCulture);
        var payload = new JsonObject
        {
            ["id"] = Json.Id(id),
            ["application_id"] = Json.Id(_state.ApplicationId),
            ["type"] = type,
            ["data"] = data,
            ["guild_id"] = Json.Id(Guild.Id),
            ["guild"] = new JsonObject { ["id"] = Json.Id(Guild.Id), ["locale"] = "en-US", ["features"] = new JsonArray() },
            ["channel_id"] = Json.Id(channel.Id),
            ["channel"] = channel.ToJson(includeBotMember: false),
            ["member"] = member,
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = ((ulong)_state.PermissionsOf(_state.Bot.Id, channel)).ToString(CultureInfo.InvariantCulture),
            ["locale"] = "en-US",
            ["guild_locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = Json.Id(Guild.Id) },
            ["context"] = 0,
            ["attachment_size_limit"] = 10485760,
        };
        if (sourceMessage is not null)
        {
            payload["message"] = sourceMessage.ToJson(_state);
        }

        interaction.Payload = payload;
        _state.Interactions[id] = interaction;
        _state.Dispatch("INTERACTION_CREATE", Guild.Id, 0, _ => payload.DeepClone());
        return new InteractionHandle(_state, interaction);
    }
}
