using System.Text.Json.Nodes;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

/// <summary>The emulated REST surface. Templates use the names of Discord's OpenAPI spec so tests can map them 1:1.</summary>
internal static partial class Routes
{
    private const int MessageCreateFlags = 4 | 4096 | 8192 | 32768;
    private const int InteractionMessageFlags = 4 | 64 | 4096 | 8192 | 32768;

    public static IReadOnlyList<RestRoute> All() =>
    [
        new("GET", "/gateway", GetGateway, requiresAuth: false),
        new("GET", "/gateway/bot", GetGatewayBot),
        new("GET", "/users/@me", GetCurrentUser),
        new("POST", "/users/@me/channels", CreateDm),
        new("GET", "/applications/@me", GetApplication),
        new("GET", "/applications/{application_id}/commands", ListGlobalCommands),
        new("PUT", "/applications/{application_id}/commands", OverwriteGlobalCommands),
        new("POST", "/applications/{application_id}/commands", CreateGlobalCommand),
        new("GET", "/applications/{application_id}/guilds/{guild_id}/commands", ListGuildCommands),
        new("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", OverwriteGuildCommands),
        new("POST", "/applications/{application_id}/guilds/{guild_id}/commands", CreateGuildCommand),
        new("GET", "/guilds/{guild_id}", GetGuild),
        new("GET", "/guilds/{guild_id}/roles", GetRoles),
        new("GET", "/guilds/{guild_id}/channels", GetGuildChannels),
        new("GET", "/guilds/{guild_id}/members/{user_id}", GetMember),
        new("GET", "/guilds/{guild_id}/threads/active", GetActiveThreads),
        new("GET", "/channels/{channel_id}", GetChannel),
        new("PATCH", "/channels/{channel_id}", PatchChannel),
        new("GET", "/channels/{channel_id}/messages", ListMessages),
        new("POST", "/channels/{channel_id}/messages", CreateMessage),
        new("GET", "/channels/{channel_id}/messages/{message_id}", GetMessage),
        new("PATCH", "/channels/{channel_id}/messages/{message_id}", EditMessage),
        new("DELETE", "/channels/{channel_id}/messages/{message_id}", DeleteMessage),
        new("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me", AddReaction),
        new("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me", RemoveReaction),
        new("POST", "/channels/{channel_id}/messages/{message_id}/threads", StartThreadFromMessage),
        new("POST", "/channels/{channel_id}/threads", StartThread),
        new("GET", "/channels/{channel_id}/thread-members", ListThreadMembers),
        new("GET", "/channels/{channel_id}/thread-members/{user_id}", GetThreadMember),
        new("PUT", "/channels/{channel_id}/thread-members/{user_id}", AddThreadMember),
        new("DELETE", "/channels/{channel_id}/thread-members/{user_id}", RemoveThreadMember),
        new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", InteractionCallback, interaction: true, requiresAuth: false),
        new("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", GetOriginal, interaction: true, requiresAuth: false),
        new("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", EditOriginal, interaction: true, requiresAuth: false),
        new("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", DeleteOriginal, interaction: true, requiresAuth: false),
        new("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", GetFollowup, interaction: true, requiresAuth: false),
        new("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", EditFollowup, interaction: true, requiresAuth: false),
        new("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", DeleteFollowup, interaction: true, requiresAuth: false),
        new("POST", "/webhooks/{webhook_id}/{webhook_token}", CreateFollowup, interaction: true, requiresAuth: false),
    ];

    private static RestResult GetGateway(RestCall call) => RestResult.Ok(new JsonObject { ["url"] = GatewayBase(call.State) });

    private static string GatewayBase(EmulatorState state) => state.GatewayUrl.ToString();

    private static RestResult GetGatewayBot(RestCall call) => RestResult.Ok(new JsonObject
    {
        ["url"] = GatewayBase(call.State),
        ["shards"] = call.State.Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = Math.Max(0, 1000 - call.State.IdentifyCount),
            ["reset_after"] = 14400000,
            ["max_concurrency"] = call.State.Options.MaxConcurrency,
        },
    });

    private static RestResult GetCurrentUser(RestCall call)
    {
        var o = call.State.Bot.ToJson();
        o.Remove("primary_guild");
        o["mfa_enabled"] = false;
        o["locale"] = "en-US";
        o["verified"] = true;
        return RestResult.Ok(o);
    }

    private static RestResult GetApplication(RestCall call)
    {
        var s = call.State;
        var owner = new JsonObject
        {
            ["id"] = "100000000000000001",
            ["username"] = "owner",
            ["avatar"] = null,
            ["discriminator"] = "0",
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["global_name"] = "owner",
            ["primary_guild"] = null,
        };
        return RestResult.Ok(new JsonObject
        {
            ["id"] = Json.Id(s.ApplicationId),
            ["name"] = s.Bot.Name,
            ["icon"] = null,
            ["description"] = "",
            ["type"] = null,
            ["bot"] = s.Bot.ToJson(),
            ["bot_public"] = true,
            ["bot_require_code_grant"] = false,
            ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
            ["flags"] = 0,
            ["flags_new"] = "0",
            ["redirect_uris"] = new JsonArray(),
            ["interactions_endpoint_url"] = null,
            ["role_connections_verification_url"] = null,
            ["owner"] = owner,
            ["approximate_guild_count"] = s.Guilds.Count,
            ["approximate_user_install_count"] = 0,
            ["approximate_user_authorization_count"] = 0,
            ["explicit_content_filter"] = 0,
            ["team"] = null,
            ["eligible_oauth2_scopes"] = new JsonArray(),
        });
    }

    private static RestResult CreateDm(RestCall call)
    {
        var s = call.State;
        var recipient = Json.GetSnowflake(call.Object(), "recipient_id");
        if (recipient is not { } uid || !s.Users.TryGetValue(uid, out var user))
        {
            throw DiscordApiException.UnknownUser();
        }

        return RestResult.Ok(s.DirectMessageChannel(user).ToJson());
    }

    private static RestResult GetGuild(RestCall call)
    {
        var guild = RequireGuild(call);
        return RestResult.Ok(guild.ToJson());
    }

    private static RestResult GetRoles(RestCall call) =>
        RestResult.Ok(Json.Array(RequireGuild(call).RoleList.Select(r => (JsonNode?)r.ToJson())));

    private static RestResult GetGuildChannels(RestCall call)
    {
        var guild = RequireGuild(call);
        return RestResult.Ok(Json.Array(guild.ChannelIds.Select(c => call.State.Channels[c]).Where(c => !c.IsThread).Select(c => (JsonNode?)c.ToJson())));
    }

    private static RestResult GetActiveThreads(RestCall call)
    {
        var s = call.State;
        var guild = RequireGuild(call);
        guild.ChannelIds.Select(c => s.Channels[c]).ToList().ForEach(s.ApplyAutoArchive);
        var threads = guild.ChannelIds.Select(c => s.Channels[c]).Where(c => c.IsThread && !c.Archived && s.BotCanSeeThread(c)).ToList();
        return RestResult.Ok(new JsonObject
        {
            ["threads"] = Json.Array(threads.Select(t => (JsonNode?)t.ToJson(includeBotMember: false))),
            ["members"] = Json.Array(threads.Where(t => t.ThreadMemberIds.Contains(s.Bot.Id)).Select(t => (JsonNode?)t.ThreadMemberJson(s.Bot.Id))),
            ["has_more"] = false,
        });
    }

    private static RestResult GetMember(RestCall call)
    {
        var guild = RequireGuild(call);
        if (!guild.MemberStates.TryGetValue(call.Id("user_id"), out var member))
        {
            throw DiscordApiException.UnknownMember();
        }

        return RestResult.Ok(member.ToJson());
    }

    private static EmulatedGuild RequireGuild(RestCall call) =>
        call.State.Guilds.TryGetValue(call.Id("guild_id"), out var g) ? g : throw DiscordApiException.UnknownGuild();

    /// <summary>Turns uploaded files into attachment objects, taking descriptions from the body's attachments list.</summary>
    private static JsonArray? Attachments(RestCall call, JsonObject body)
    {
        if (call.Files is null)
        {
            return null;
        }

        var described = (body["attachments"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var result = new JsonArray();
        foreach (var file in call.Files.OfType<JsonObject>())
        {
            var a = (JsonObject)file.DeepClone();
            var index = Json.GetString(a, "upload_index");
            a.Remove("upload_index");
            var meta = described.FirstOrDefault(d => d["id"]?.ToString() == index);
            if (Json.GetString(meta, "description") is { } description)
            {
                a["description"] = description;
            }

            result.Add(a);
        }

        return result;
    }
}
