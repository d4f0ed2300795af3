using System.Text.Json.Nodes;
using DiscordEmulator.Gateway;
using DiscordEmulator.Rest;
using DiscordEmulator.Scripting;

namespace DiscordEmulator.State;

/// <summary>Everything the emulated Discord knows. One gate guards it all; handlers are short and never await under it.</summary>
internal sealed partial class EmulatorState
{
    private readonly List<(Func<EmulatedMessage, bool> Predicate, TaskCompletionSource<EmulatedMessage> Done)> _messageWaiters = [];
    private readonly List<(Func<RecordedRequest, bool> Predicate, TaskCompletionSource<RecordedRequest> Done)> _requestWaiters = [];
    private readonly List<ProtocolViolation> _violations = [];
    private readonly List<RecordedRequest> _requests = [];

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Ids = new Snowflakes(Time);
        ApplicationId = Ids.Next();
        Bot = new EmulatedUser(ApplicationId, options.BotUserName, isBot: true);
        Users[Bot.Id] = Bot;
    }

    public Lock Gate { get; } = new();

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public Snowflakes Ids { get; }

    public ulong ApplicationId { get; }

    public EmulatedUser Bot { get; }

    public Uri GatewayUrl { get; set; } = new("ws://127.0.0.1/");

    /// <summary>http://127.0.0.1:port/ — attachment URLs point here (the emulator's stand-in for the CDN).</summary>
    public Uri HttpBaseUrl { get; set; } = new("http://127.0.0.1/");

    /// <summary>Uploaded file contents by attachment id, served at <c>/attachments/{id}/{filename}</c>.</summary>
    public Dictionary<ulong, (string FileName, string ContentType, byte[] Content)> AttachmentContents { get; } = [];

    /// <summary>Stores a file and returns its attachment object, with a URL the emulator serves. Call under the gate.</summary>
    public JsonObject StoreAttachment(string fileName, string contentType, byte[] content)
    {
        var id = Ids.Next();
        AttachmentContents[id] = (fileName, contentType, content);
        var url = new Uri(HttpBaseUrl, $"attachments/{id}/{Uri.EscapeDataString(fileName)}").ToString();
        return new JsonObject
        {
            ["id"] = Json.Id(id),
            ["filename"] = fileName,
            ["size"] = content.Length,
            ["content_type"] = contentType,
            ["url"] = url,
            ["proxy_url"] = url,
        };
    }

    public bool HeartbeatAcks { get; set; } = true;

    public Dictionary<ulong, EmulatedUser> Users { get; } = [];

    public Dictionary<ulong, EmulatedGuild> Guilds { get; } = [];

    public Dictionary<ulong, EmulatedChannel> Channels { get; } = [];

    public Dictionary<ulong, EmulatedMessage> Messages { get; } = [];

    public Dictionary<ulong, List<EmulatedMessage>> ChannelMessages { get; } = [];

    public List<EmulatedCommand> Commands { get; } = [];

    public Dictionary<ulong, InteractionState> Interactions { get; } = [];

    public Dictionary<string, (EmulatedMessage Message, DateTimeOffset At)> Nonces { get; } = new(StringComparer.Ordinal);

    public List<GatewaySession> Sessions { get; } = [];

    public List<GatewayConnection> Connections { get; } = [];

    public int IdentifyCount { get; set; }

    public long RequestsTotal { get; set; }

    public long Count429 { get; set; }

    public long InvalidRequests { get; set; }

    public IReadOnlyList<ProtocolViolation> Violations
    {
        get
        {
            lock (Gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (Gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Violation(string kind, string detail)
    {
        lock (Gate)
        {
            _violations.Add(new ProtocolViolation(kind, detail, Time.GetUtcNow()));
        }
    }

    public EmulatedGuild AddGuild(string name)
    {
        lock (Gate)
        {
            var owner = new EmulatedUser(Ids.Next(), $"{name}-owner", isBot: false);
            Users[owner.Id] = owner;
            var guild = new EmulatedGuild(this, Ids.Next(), name, owner.Id);
            Guilds[guild.Id] = guild;
            guild.MemberStates[owner.Id] = new GuildMemberState(owner, Time.GetUtcNow());
            var botMember = new GuildMemberState(Bot, Time.GetUtcNow());
            botMember.RoleIds.Add(guild.BotRole.Id);
            guild.MemberStates[Bot.Id] = botMember;
            foreach (var session in LiveSessions())
            {
                if (session.OwnsGuild(guild.Id) && session.Has(GatewayIntents.Guilds))
                {
                    session.Dispatch("GUILD_CREATE", GuildCreatePayload(guild, session));
                }
            }

            return guild;
        }
    }

    public EmulatedChannel AddTextChannel(EmulatedGuild guild, string name)
    {
        lock (Gate)
        {
            var channel = new EmulatedChannel(this, Ids.Next(), ChannelType.GuildText, name, guild.Id) { Position = guild.ChannelIds.Count };
            Channels[channel.Id] = channel;
            guild.ChannelIds.Add(channel.Id);
            Dispatch("CHANNEL_CREATE", guild.Id, GatewayIntents.Guilds, _ => channel.ToJson());
            return channel;
        }
    }

    public EmulatedMember AddMember(EmulatedGuild guild, string name, Permissions? permissions, EmulatedRole[] roles)
    {
        lock (Gate)
        {
            var user = Users.Values.FirstOrDefault(u => !u.IsBot && string.Equals(u.Name, name, StringComparison.Ordinal))
                ?? new EmulatedUser(Ids.Next(), name, isBot: false);
            Users[user.Id] = user;
            var member = new GuildMemberState(user, Time.GetUtcNow());
            if (permissions is { } p)
            {
                var own = guild.AddRole($"{name}-role", p);
                member.RoleIds.Add(own.Id);
            }

            member.RoleIds.AddRange(roles.Select(r => r.Id));
            guild.MemberStates[user.Id] = member;
            Dispatch("GUILD_MEMBER_ADD", guild.Id, GatewayIntents.GuildMembers, _ =>
            {
                var o = member.ToJson();
                o["guild_id"] = Json.Id(guild.Id);
                return o;
            });
            return new EmulatedMember(this, guild, user);
        }
    }

    public void RecordRequest(RecordedRequest request)
    {
        lock (Gate)
        {
            if (request.Status is 401 or 403 || (request.Status == 429 && !request.SharedScope))
            {
                InvalidRequests++;
            }

            if (Options.RecordRequests)
            {
                _requests.Add(request);
            }

            for (var i = _requestWaiters.Count - 1; i >= 0; i--)
            {
                if (_requestWaiters[i].Predicate(request))
                {
                    _requestWaiters[i].Done.TrySetResult(request);
                    _requestWaiters.RemoveAt(i);
                }
            }
        }
    }

    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate)
    {
        lock (Gate)
        {
            var existing = _requests.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((predicate, done));
            return done.Task;
        }
    }

    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool> predicate)
    {
        lock (Gate)
        {
            var existing = Messages.Values.Where(m => !m.Deleted).OrderBy(m => m.Id).FirstOrDefault(predicate);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var done = new TaskCompletionSource<EmulatedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _messageWaiters.Add((predicate, done));
            return done.Task;
        }
    }

    public void NotifyMessage(EmulatedMessage message)
    {
        for (var i = _messageWaiters.Count - 1; i >= 0; i--)
        {
            if (_messageWaiters[i].Predicate(message))
            {
                _messageWaiters[i].Done.TrySetResult(message);
                _messageWaiters.RemoveAt(i);
            }
        }
    }

    public EmulatedGuild GuildOf(EmulatedChannel channel) =>
        channel.GuildId is { } g && Guilds.TryGetValue(g, out var guild) ? guild : throw DiscordApiException.UnknownGuild();

    public IEnumerable<GatewaySession> LiveSessions() => Sessions.Where(s => !s.Invalidated);

    public JsonObject ApplicationJson() => new() { ["id"] = Json.Id(ApplicationId), ["flags"] = 0 };
}
