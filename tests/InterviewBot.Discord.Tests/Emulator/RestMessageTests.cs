using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DiscordEmulator;
using DiscordEmulator.State;

namespace InterviewBot.Discord.Tests.Emulator;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class RestMessageTests : IAsyncLifetime
{
    private DiscordEmulatorServer _emulator = null!;
    private EmulatedGuild _guild = null!;
    private EmulatedChannel _channel = null!;
    private RestTestClient _rest = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions();
        options.RateLimits.Enabled = false;
        _emulator = await DiscordEmulatorServer.StartAsync(options);
        _guild = _emulator.AddGuild("alpha");
        _channel = _guild.AddTextChannel("interview");
        _rest = new RestTestClient(_emulator.ApiBaseUrl, _emulator.BotToken);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _emulator.DisposeAsync();
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private string Messages => $"channels/{Id(_channel.Id)}/messages";

    private static JsonObject Text(string content) => new() { ["content"] = content };

    [Fact]
    public async Task GatewayBot_Authorized_ReturnsUrlShardsAndSessionStartLimit()
    {
        var response = await _rest.GetAsync("gateway/bot");

        Assert.Equal(200, response.Status);
        Assert.Equal(_emulator.GatewayUrl.ToString(), response.Body!["url"]!.GetValue<string>());
        Assert.Equal(1, response.Body["shards"]!.GetValue<int>());
        Assert.Equal(1, response.Body["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnyRoute_WrongToken_Returns401()
    {
        using var stranger = new RestTestClient(_emulator.ApiBaseUrl, "wrong");

        var response = await stranger.PostAsync(Messages, Text("hi"));

        Assert.Equal(401, response.Status);
        Assert.Empty(_emulator.Messages(_channel.Id));
    }

    [Fact]
    public async Task AnyRoute_WithoutDiscordUserAgent_Returns400AndRecordsViolation()
    {
        using var client = new RestTestClient(_emulator.ApiBaseUrl, _emulator.BotToken, "curl/8.0");

        var response = await client.GetAsync("users/@me");

        Assert.Equal(400, response.Status);
        Assert.Contains(_emulator.Violations, v => v.Kind == "user-agent");
    }

    [Fact]
    public async Task CreateMessage_Valid_StoresAndReturnsMessage()
    {
        var response = await _rest.PostAsync(Messages, Text("hello"));

        Assert.Equal(200, response.Status);
        var stored = Assert.Single(_emulator.Messages(_channel.Id));
        Assert.Equal("hello", stored.Content);
        Assert.Equal(Id(stored.Id), response.Body!["id"]!.GetValue<string>());
        Assert.Equal(Id(_emulator.Bot.Id), response.Body["author"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateMessage_ContentOver2000_Returns50035WithFieldError()
    {
        var response = await _rest.PostAsync(Messages, Text(new string('a', 2001)));

        Assert.Equal(400, response.Status);
        Assert.Equal(50035, response.Code);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", response.Body!["errors"]!["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateMessage_Empty_Returns50006()
    {
        var response = await _rest.PostAsync(Messages, new JsonObject());

        Assert.Equal(400, response.Status);
        Assert.Equal(50006, response.Code);
    }

    [Theory]
    [InlineData("eleven-embeds", "embeds")]
    [InlineData("long-title", "embeds.0.title")]
    [InlineData("long-description", "embeds.0.description")]
    [InlineData("many-fields", "embeds.0.fields")]
    [InlineData("long-field-value", "embeds.0.fields.0.value")]
    [InlineData("total-over-6000", "embeds")]
    public async Task CreateMessage_EmbedOverLimit_Returns50035AtPath(string kind, string path)
    {
        var embeds = kind switch
        {
            "eleven-embeds" => Enumerable.Range(0, 11).Select(_ => new JsonObject { ["title"] = "t" }).ToList(),
            "long-title" => [new JsonObject { ["title"] = new string('t', 257) }],
            "long-description" => [new JsonObject { ["description"] = new string('d', 4097) }],
            "many-fields" => [new JsonObject { ["fields"] = new JsonArray(Enumerable.Range(0, 26).Select(_ => (JsonNode?)new JsonObject { ["name"] = "n", ["value"] = "v" }).ToArray()) }],
            "long-field-value" => [new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["name"] = "n", ["value"] = new string('v', 1025) }) }],
            _ => Enumerable.Range(0, 2).Select(_ => new JsonObject { ["description"] = new string('d', 3001) }).ToList(),
        };

        var response = await _rest.PostAsync(Messages, new JsonObject { ["embeds"] = new JsonArray(embeds.Select(e => (JsonNode?)e).ToArray()) });

        Assert.Equal(50035, response.Code);
        JsonNode? node = response.Body!["errors"];
        foreach (var part in path.Split('.'))
        {
            node = node![part];
        }

        Assert.NotNull(node!["_errors"]);
    }

    [Fact]
    public async Task CreateMessage_CustomIdOver100_Returns50035()
    {
        var body = new JsonObject
        {
            ["content"] = "x",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "go", ["custom_id"] = new string('c', 101) }),
            }),
        };

        var response = await _rest.PostAsync(Messages, body);

        Assert.Equal(50035, response.Code);
        Assert.NotNull(response.Body!["errors"]!["components"]!["0"]!["components"]!["0"]!["custom_id"]);
    }

    [Fact]
    public async Task CreateMessage_SameNonceEnforced_ReturnsSameMessageOnce()
    {
        var body = new JsonObject { ["content"] = "once", ["nonce"] = "daily-2026-01-01", ["enforce_nonce"] = true };

        var first = await _rest.PostAsync(Messages, body);
        var second = await _rest.PostAsync(Messages, body);

        Assert.Equal(first.Body!["id"]!.GetValue<string>(), second.Body!["id"]!.GetValue<string>());
        Assert.Single(_emulator.Messages(_channel.Id));
    }

    [Fact]
    public async Task CreateMessage_AllowedMentionsNone_PingsNobody()
    {
        var alice = _guild.AddMember("alice");
        var role = _guild.AddRole("ping", Permissions.None);
        _guild.BotRole.Permissions |= Permissions.MentionEveryone;
        var body = new JsonObject
        {
            ["content"] = $"{alice.Mention} {role.Mention} @everyone",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };

        await _rest.PostAsync(Messages, body);

        var message = Assert.Single(_emulator.Messages(_channel.Id));
        Assert.Empty(message.PingedUserIds);
        Assert.Empty(message.PingedRoleIds);
        Assert.False(message.PingedEveryone);
    }

    [Fact]
    public async Task CreateMessage_NoAllowedMentions_PingsEveryoneParsed()
    {
        var alice = _guild.AddMember("alice");
        var role = _guild.AddRole("ping", Permissions.None);
        _guild.BotRole.Permissions |= Permissions.MentionEveryone;

        await _rest.PostAsync(Messages, Text($"{alice.Mention} {role.Mention} @everyone"));

        var message = Assert.Single(_emulator.Messages(_channel.Id));
        Assert.Equal([alice.Id], message.PingedUserIds);
        Assert.Equal([role.Id], message.PingedRoleIds);
        Assert.True(message.PingedEveryone);
    }

    [Fact]
    public async Task CreateMessage_AllowedUsersList_PingsOnlyListed()
    {
        var alice = _guild.AddMember("alice");
        var bob = _guild.AddMember("bob");
        var body = new JsonObject
        {
            ["content"] = $"{alice.Mention} {bob.Mention}",
            ["allowed_mentions"] = new JsonObject { ["users"] = new JsonArray(Id(bob.Id)) },
        };

        await _rest.PostAsync(Messages, body);

        Assert.Equal([bob.Id], Assert.Single(_emulator.Messages(_channel.Id)).PingedUserIds);
    }

    [Fact]
    public async Task CreateMessage_ParseUsersAndUsersList_Returns50035()
    {
        var body = new JsonObject
        {
            ["content"] = "x",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("users"), ["users"] = new JsonArray("1") },
        };

        Assert.Equal(50035, (await _rest.PostAsync(Messages, body)).Code);
    }

    [Fact]
    public async Task CreateMessage_UnknownChannel_Returns404UnknownChannel()
    {
        var response = await _rest.PostAsync("channels/12345/messages", Text("x"));

        Assert.Equal(404, response.Status);
        Assert.Equal(10003, response.Code);
    }

    [Fact]
    public async Task CreateMessage_SendDenied_Returns403MissingPermissions()
    {
        _channel.DenyBot(Permissions.SendMessages);

        var response = await _rest.PostAsync(Messages, Text("x"));

        Assert.Equal(403, response.Status);
        Assert.Equal(50013, response.Code);
    }

    [Fact]
    public async Task CreateMessage_ChannelHiddenFromBot_Returns403MissingAccess()
    {
        _channel.SetOverwrite(_guild.Id, OverwriteType.Role, Permissions.None, Permissions.ViewChannel);
        _guild.BotRole.Permissions &= ~Permissions.ViewChannel;

        var response = await _rest.PostAsync(Messages, Text("x"));

        Assert.Equal(50001, response.Code);
    }

    [Fact]
    public async Task CreateMessage_Multipart_StoresAttachment()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("""{"content":"see file","attachments":[{"id":0,"description":"notes"}]}""", Encoding.UTF8, "application/json"), "payload_json");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello file"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files[0]", "notes.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, Messages) { Content = content };

        var response = await _rest.SendAsync(request);

        Assert.Equal(200, response.Status);
        var attachment = Assert.Single(Assert.Single(_emulator.Messages(_channel.Id)).Attachments);
        Assert.Equal("notes.txt", attachment!["filename"]!.GetValue<string>());
        Assert.Equal("notes", attachment["description"]!.GetValue<string>());
        var id = ulong.Parse(attachment["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal("hello file", Encoding.UTF8.GetString(_emulator.AttachmentContent(id)!));
        using var cdn = new HttpClient();
        Assert.Equal("hello file", await cdn.GetStringAsync(new Uri(attachment["url"]!.GetValue<string>())));
    }

    [Fact]
    public async Task UploadedAttachment_ServedAtItsUrl_UnknownIdIs404()
    {
        var upload = _emulator.UploadAttachment("questions.yaml", Encoding.UTF8.GetBytes("- id: x\n"), "application/x-yaml");
        using var cdn = new HttpClient();

        using var found = await cdn.GetAsync(upload.Url);
        using var missing = await cdn.GetAsync(new Uri(upload.Url, "/attachments/1/nothing.yaml"));

        Assert.Equal(System.Net.HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("application/x-yaml", found.Content.Headers.ContentType?.MediaType);
        Assert.Equal("- id: x\n", await found.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EditMessage_Own_UpdatesContentAndEditedTimestamp()
    {
        var created = await _rest.PostAsync(Messages, Text("v1"));
        var id = created.Body!["id"]!.GetValue<string>();

        var edited = await _rest.PatchAsync($"{Messages}/{id}", Text("v2"));

        Assert.Equal(200, edited.Status);
        Assert.Equal("v2", edited.Body!["content"]!.GetValue<string>());
        Assert.NotNull(edited.Body["edited_timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditMessage_SomeoneElses_Returns403()
    {
        var alice = _guild.AddMember("alice");
        await using var gateway = await ConnectBotAsync();
        var posted = await alice.PostsAsync(_channel.Id, "mine");

        var response = await _rest.PatchAsync($"{Messages}/{Id(posted.Id)}", Text("hijack"));

        Assert.Equal(403, response.Status);
        Assert.Equal(50005, response.Code);
    }

    [Fact]
    public async Task DeleteMessage_Own_Returns204AndHidesIt()
    {
        var created = await _rest.PostAsync(Messages, Text("bye"));

        var response = await _rest.DeleteAsync($"{Messages}/{created.Body!["id"]!.GetValue<string>()}");
        var again = await _rest.DeleteAsync($"{Messages}/{created.Body!["id"]!.GetValue<string>()}");

        Assert.Equal(204, response.Status);
        Assert.Empty(_emulator.Messages(_channel.Id));
        Assert.Equal(10008, again.Code);
    }

    [Fact]
    public async Task ListMessages_BeforeAfterLimit_PagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _rest.PostAsync(Messages, Text($"m{i}"))).Body!["id"]!.GetValue<string>());
        }

        var latest = await _rest.GetAsync($"{Messages}?limit=2");
        var before = await _rest.GetAsync($"{Messages}?before={ids[2]}&limit=10");
        var after = await _rest.GetAsync($"{Messages}?after={ids[2]}");
        var tooMany = await _rest.GetAsync($"{Messages}?limit=101");

        Assert.Equal(["m4", "m3"], latest.Body!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        Assert.Equal(["m1", "m0"], before.Body!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        Assert.Equal(["m4", "m3"], after.Body!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        Assert.Equal(50035, tooMany.Code);
    }

    [Fact]
    public async Task AddReaction_Unicode_StoresBotReaction()
    {
        var created = await _rest.PostAsync(Messages, Text("react"));
        var id = created.Body!["id"]!.GetValue<string>();

        var response = await _rest.PutAsync($"{Messages}/{id}/reactions/{Uri.EscapeDataString("👍")}/@me");

        Assert.Equal(204, response.Status);
        Assert.Equal([_emulator.Bot.Id], _emulator.Message(ulong.Parse(id, CultureInfo.InvariantCulture))!.ReactionsOf("👍"));
    }

    [Fact]
    public async Task AddReaction_InvalidEmoji_Returns10014()
    {
        var created = await _rest.PostAsync(Messages, Text("react"));

        var response = await _rest.PutAsync($"{Messages}/{created.Body!["id"]!.GetValue<string>()}/reactions/thumbsup/@me");

        Assert.Equal(10014, response.Code);
    }

    [Fact]
    public async Task CreateDm_ThenMessageToUserWithClosedDms_Returns50007()
    {
        var alice = _guild.AddMember("alice");
        alice.User.AcceptsDirectMessages = false;

        var dm = await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = Id(alice.Id) });
        var again = await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = Id(alice.Id) });
        var send = await _rest.PostAsync($"channels/{dm.Body!["id"]!.GetValue<string>()}/messages", Text("hi"));

        Assert.Equal(1, dm.Body["type"]!.GetValue<int>());
        Assert.Equal(dm.Body["id"]!.GetValue<string>(), again.Body!["id"]!.GetValue<string>());
        Assert.Equal(403, send.Status);
        Assert.Equal(50007, send.Code);
    }

    [Fact]
    public async Task GuildRoutes_KnownGuild_ReturnGuildMemberAndRoles()
    {
        var alice = _guild.AddMember("alice");

        var guild = await _rest.GetAsync($"guilds/{Id(_guild.Id)}");
        var member = await _rest.GetAsync($"guilds/{Id(_guild.Id)}/members/{Id(alice.Id)}");
        var roles = await _rest.GetAsync($"guilds/{Id(_guild.Id)}/roles");
        var unknown = await _rest.GetAsync($"guilds/{Id(_guild.Id)}/members/42");

        Assert.Equal("alpha", guild.Body!["name"]!.GetValue<string>());
        Assert.Equal("alice", member.Body!["user"]!["username"]!.GetValue<string>());
        Assert.Contains(roles.Body!.AsArray(), r => r!["name"]!.GetValue<string>() == "@everyone");
        Assert.Equal(10007, unknown.Code);
    }

    private async Task<GatewayTestClient> ConnectBotAsync()
    {
        var gateway = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await gateway.IdentifyAsync(_emulator.BotToken);
        return gateway;
    }
}
