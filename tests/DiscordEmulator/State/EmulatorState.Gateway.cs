using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiscordEmulator.Gateway;

namespace DiscordEmulator.State;

internal sealed partial class EmulatorState
{
    private readonly Dictionary<int, DateTimeOffset> _lastIdentify = [];

    public void OnConnectionOpened(GatewayConnection connection)
    {
        lock (Gate)
        {
            Connections.Add(connection);
        }
    }

    public void OnConnectionEnded(GatewayConnection connection)
    {
        lock (Gate)
        {
            Connections.Remove(connection);
            if (connection.Session is { } s && ReferenceEquals(s.Connection, connection))
            {
                s.Connection = null;
            }
        }
    }

    /// <summary>Sends a dispatch to every live session that owns the guild and has the intent.</summary>
    public void Dispatch(string type, ulong? guildId, int intent, Func<GatewaySession, JsonNode?> build)
    {
        foreach (var session in LiveSessions())
        {
            if (!session.OwnsGuild(guildId) || (intent != 0 && !session.Has(intent)))
            {
                continue;
            }

            session.Dispatch(type, build(session));
        }
    }

    public void Identify(GatewayConnection connection, JsonObject? d)
    {
        if (!connection.HelloSent)
        {
            Violation("identify-before-hello", "Identify sent before Hello");
        }

        if (connection.Identified)
        {
            Violation("identify-twice", "Identify sent on an already identified connection");
            connection.Close(4005, "Already authenticated.");
            return;
        }

        var token = Json.GetString(d, "token");
        if (token is null || !(token == Options.BotToken || token == "Bot " + Options.BotToken))
        {
            connection.Close(4004, "Authentication failed.");
            return;
        }

        if (Json.GetLong(d, "intents") is not { } intentsLong)
        {
            Violation("identify-invalid", "Identify without intents");
            connection.Close(4002, "Error while decoding payload.");
            return;
        }

        var intents = (int)intentsLong;
        if ((intents & ~GatewayIntents.Known) != 0)
        {
            connection.Close(4013, "Invalid intent(s).");
            return;
        }

        if ((intents & GatewayIntents.Privileged & ~Options.AllowedPrivilegedIntents) != 0)
        {
            connection.Close(4014, "Disallowed intent(s).");
            return;
        }

        int shardId = 0, shardCount = 1;
        if (d?["shard"] is JsonArray shard)
        {
            if (shard.Count != 2 || shard[0] is null || shard[1] is null)
            {
                connection.Close(4010, "Invalid shard.");
                return;
            }

            shardId = shard[0]!.GetValue<int>();
            shardCount = shard[1]!.GetValue<int>();
            if (shardCount < 1 || shardId < 0 || shardId >= shardCount)
            {
                connection.Close(4010, "Invalid shard.");
                return;
            }
        }

        if (d?["properties"] is not JsonObject)
        {
            Violation("identify-invalid", "Identify without properties {os, browser, device}");
        }

        if (Json.GetBool(d, "compress") == true)
        {
            Violation("compression", "Identify asked for payload compression, which the emulator does not speak");
        }

        if (Json.GetLong(d, "large_threshold") is { } large && large is < 50 or > 250)
        {
            Violation("identify-invalid", $"large_threshold {large} outside 50-250");
        }

        var now = Time.GetUtcNow();
        var key = shardId % Math.Max(1, Options.MaxConcurrency);
        if (Options.EnforceIdentifyConcurrency && _lastIdentify.TryGetValue(key, out var previous) && now - previous < TimeSpan.FromSeconds(5))
        {
            connection.Send(new JsonObject { ["op"] = 9, ["d"] = false, ["s"] = null, ["t"] = null });
            return;
        }

        _lastIdentify[key] = now;

        IdentifyCount++;
        var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), intents, shardId, shardCount, Options.ResumeBufferSize)
        {
            Connection = connection,
        };
        connection.Session = session;
        Sessions.Add(session);
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user_settings"] = new JsonObject(),
            ["user"] = Bot.ToJson(),
            ["guilds"] = Json.Array(Guilds.Values.Where(g => session.OwnsGuild(g.Id))
                .Select(g => (JsonNode?)new JsonObject { ["id"] = Json.Id(g.Id), ["unavailable"] = true })),
            ["session_id"] = session.SessionId,
            ["session_type"] = "normal",
            ["resume_gateway_url"] = GatewayUrl.ToString(),
            ["shard"] = new JsonArray(shardId, shardCount),
            ["application"] = ApplicationJson(),
            ["private_channels"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["guild_join_requests"] = new JsonArray(),
            ["geo_ordered_rtc_regions"] = new JsonArray(),
        };
        session.Dispatch("READY", ready);
        if (session.Has(GatewayIntents.Guilds))
        {
            foreach (var guild in Guilds.Values.Where(g => session.OwnsGuild(g.Id)))
            {
                session.Dispatch("GUILD_CREATE", GuildCreatePayload(guild, session));
            }
        }
    }

    public void Resume(GatewayConnection connection, JsonObject? d)
    {
        if (connection.Identified)
        {
            Violation("resume-twice", "Resume sent on an identified connection");
            connection.Close(4005, "Already authenticated.");
            return;
        }

        var token = Json.GetString(d, "token");
        if (token is null || !(token == Options.BotToken || token == "Bot " + Options.BotToken))
        {
            connection.Close(4004, "Authentication failed.");
            return;
        }

        var sessionId = Json.GetString(d, "session_id");
        var seq = (int)(Json.GetLong(d, "seq") ?? -1);
        var session = Sessions.FirstOrDefault(s => s.SessionId == sessionId);
        if (session is null || session.Invalidated || seq < 0 || !session.CanReplayFrom(seq))
        {
            connection.Send(new JsonObject { ["op"] = 9, ["d"] = false, ["s"] = null, ["t"] = null });
            return;
        }

        // A resume takes the session over from a zombie connection.
        session.Connection?.Abort();
        session.Connection = connection;
        connection.Session = session;
        foreach (var payload in session.After(seq).ToList())
        {
            connection.SendRaw(payload);
        }

        session.Dispatch("RESUMED", new JsonObject());
    }

    public JsonObject GuildCreatePayload(EmulatedGuild guild, GatewaySession session)
    {
        var o = guild.ToJson();
        o["joined_at"] = Json.Time(guild.MemberStates[Bot.Id].JoinedAt);
        o["large"] = false;
        o["unavailable"] = false;
        o["member_count"] = guild.MemberStates.Count;
        var members = session.Has(GatewayIntents.GuildMembers)
            ? guild.MemberStates.Values
            : guild.MemberStates.Values.Where(m => m.User.IsBot);
        o["members"] = Json.Array(members.Select(m => (JsonNode?)m.ToJson()));
        var channels = guild.ChannelIds.Select(c => Channels[c]).ToList();
        o["channels"] = Json.Array(channels.Where(c => !c.IsThread).Select(c => (JsonNode?)c.ToJson()));
        o["threads"] = Json.Array(channels.Where(c => c.IsThread && !c.Archived && BotCanSeeThread(c)).Select(c => (JsonNode?)c.ToJson()));
        o["presences"] = new JsonArray();
        o["voice_states"] = new JsonArray();
        o["stage_instances"] = new JsonArray();
        o["guild_scheduled_events"] = new JsonArray();
        o["soundboard_sounds"] = new JsonArray();
        return o;
    }

    public bool BotCanSeeThread(EmulatedChannel thread) =>
        thread.Type != ChannelType.PrivateThread
        || thread.ThreadMemberIds.Contains(Bot.Id)
        || PermissionsOf(Bot.Id, thread).HasFlag(Permissions.ManageThreads);

    public void DispatchThread(string type, EmulatedChannel thread)
    {
        if (!BotCanSeeThread(thread))
        {
            return;
        }

        Dispatch(type, thread.GuildId, GatewayIntents.Guilds, _ => thread.ToJson());
    }

    public void SetThreadState(EmulatedChannel thread, bool archived, bool locked)
    {
        lock (Gate)
        {
            if (!thread.IsThread)
            {
                throw new InvalidOperationException($"Channel {thread.Name} is not a thread.");
            }

            thread.Archived = archived;
            thread.Locked = locked;
            thread.ArchiveTimestamp = Time.GetUtcNow();
            thread.LastActivity = Time.GetUtcNow();
            DispatchThread("THREAD_UPDATE", thread);
        }
    }
}
