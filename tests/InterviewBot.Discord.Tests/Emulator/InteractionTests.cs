using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Discord.Tests.Emulator;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class InteractionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));
    private DiscordEmulatorServer _emulator = null!;
    private EmulatedGuild _guild = null!;
    private EmulatedChannel _channel = null!;
    private EmulatedMember _alice = null!;
    private RestTestClient _rest = null!;
    private GatewayTestClient _gateway = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { TimeProvider = _time };
        options.RateLimits.Enabled = false;
        _emulator = await DiscordEmulatorServer.StartAsync(options);
        _guild = _emulator.AddGuild("alpha");
        _channel = _guild.AddTextChannel("interview");
        _alice = _guild.AddMember("alice");
        _rest = new RestTestClient(_emulator.ApiBaseUrl, _emulator.BotToken);
        var commands = new JsonArray(
            new JsonObject
            {
                ["name"] = "ask",
                ["description"] = "Ask a question",
                ["options"] = new JsonArray(
                    new JsonObject { ["type"] = 3, ["name"] = "category", ["description"] = "Category", ["autocomplete"] = true },
                    new JsonObject { ["type"] = 4, ["name"] = "count", ["description"] = "How many" }),
            },
            new JsonObject
            {
                ["name"] = "daily",
                ["description"] = "Daily question",
                ["options"] = new JsonArray(new JsonObject
                {
                    ["type"] = 1,
                    ["name"] = "setup",
                    ["description"] = "Set up",
                    ["options"] = new JsonArray(new JsonObject { ["type"] = 7, ["name"] = "channel", ["description"] = "Where", ["required"] = true }),
                }),
            },
            new JsonObject
            {
                ["name"] = "import",
                ["description"] = "Import a file",
                ["options"] = new JsonArray(new JsonObject { ["type"] = 11, ["name"] = "file", ["description"] = "The file", ["required"] = true }),
            });
        Assert.Equal(200, (await _rest.PutAsync($"applications/{Id(_emulator.ApplicationId)}/commands", commands)).Status);
        _gateway = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await _gateway.IdentifyAsync(_emulator.BotToken);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _rest.Dispose();
        await _emulator.DisposeAsync();
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Callback(JsonNode interaction) =>
        $"interactions/{interaction["id"]!.GetValue<string>()}/{interaction["token"]!.GetValue<string>()}/callback";

    private string Webhook(InteractionHandle handle) => $"webhooks/{Id(_emulator.ApplicationId)}/{handle.Token}";

    private async Task<JsonNode> ReceiveInteractionAsync() => (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;

    [Fact]
    public async Task RunsCommand_AttachmentOption_CarriesIdAndResolvedAttachmentWithServedUrl()
    {
        var upload = _emulator.UploadAttachment("bank.yaml", System.Text.Encoding.UTF8.GetBytes("- id: a\n"), "text/yaml");

        await _alice.RunsCommandAsync("import", ("file", upload));
        var interaction = await ReceiveInteractionAsync();

        var option = interaction["data"]!["options"]![0]!;
        Assert.Equal(11, option["type"]!.GetValue<int>());
        Assert.Equal(Id(upload.Id), option["value"]!.GetValue<string>());
        var resolved = interaction["data"]!["resolved"]!["attachments"]![Id(upload.Id)]!;
        Assert.Equal("bank.yaml", resolved["filename"]!.GetValue<string>());
        Assert.Equal(8, resolved["size"]!.GetValue<int>());
        using var cdn = new HttpClient();
        Assert.Equal("- id: a\n", await cdn.GetStringAsync(new Uri(resolved["url"]!.GetValue<string>())));
    }

    [Fact]
    public async Task RunsCommand_Registered_BotReceivesTypedInteraction()
    {
        var handle = await _alice.RunsCommandAsync("ask", ("category", "databases"), ("count", 2));

        var interaction = await ReceiveInteractionAsync();

        Assert.Equal(Id(handle.Id), interaction["id"]!.GetValue<string>());
        Assert.Equal(2, interaction["type"]!.GetValue<int>());
        Assert.Equal("ask", interaction["data"]!["name"]!.GetValue<string>());
        Assert.Equal("databases", interaction["data"]!["options"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(2, interaction["data"]!["options"]![1]!["value"]!.GetValue<long>());
        Assert.Equal("alice", interaction["member"]!["user"]!["username"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(interaction["member"]!["permissions"]!.GetValue<string>()));
        Assert.Equal(Id(_channel.Id), interaction["channel_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunsCommand_Subcommand_NestsOptionsAndResolvesChannel()
    {
        await _alice.RunsCommandAsync("daily setup", ("channel", _channel));

        var interaction = await ReceiveInteractionAsync();

        var sub = interaction["data"]!["options"]![0]!;
        Assert.Equal("setup", sub["name"]!.GetValue<string>());
        Assert.Equal(Id(_channel.Id), sub["options"]![0]!["value"]!.GetValue<string>());
        Assert.NotNull(interaction["data"]!["resolved"]!["channels"]![Id(_channel.Id)]);
    }

    [Fact]
    public async Task RunsCommand_NotRegistered_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _alice.RunsCommandAsync("review"));
    }

    [Fact]
    public async Task RunsCommand_MissingRequiredOption_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _alice.RunsCommandAsync("daily setup"));
    }

    [Fact]
    public async Task Callback_ChannelMessage_CompletesResponseAndStoresMessage()
    {
        var handle = await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();

        var response = await _rest.PostAsync(Callback(interaction) + "?with_response=true", new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = "Q: what is a B-tree?" },
        });

        var answer = await handle.WaitForResponseAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal(4, answer.Type);
        Assert.Equal("Q: what is a B-tree?", answer.Content);
        Assert.Equal("Q: what is a B-tree?", handle.OriginalMessage!.Content);
        Assert.Equal(20, handle.OriginalMessage.Type);
        Assert.Equal(Id(handle.OriginalMessage.Id), response.Body!["interaction"]!["response_message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Callback_Twice_Returns40060()
    {
        await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();
        var body = new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "one" } };

        var first = await _rest.PostAsync(Callback(interaction), body);
        var second = await _rest.PostAsync(Callback(interaction), body);

        Assert.Equal(204, first.Status);
        Assert.Equal(400, second.Status);
        Assert.Equal(40060, second.Code);
    }

    [Fact]
    public async Task Callback_AfterThreeSeconds_Returns10062()
    {
        var handle = await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();

        _time.Advance(TimeSpan.FromSeconds(3.5));
        var response = await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 5 });

        Assert.Equal(404, response.Status);
        Assert.Equal(10062, response.Code);
        Assert.False(handle.ResponseTask.IsCompleted);
    }

    [Fact]
    public async Task Callback_WrongTypeForCommand_Returns50035()
    {
        await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();

        var response = await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "x" } });

        Assert.Equal(50035, response.Code);
    }

    [Fact]
    public async Task Defer_ThenFollowup_EditsLoadingMessageThenCreatesNew()
    {
        var handle = await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();
        await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });

        var first = await _rest.PostAsync(Webhook(handle), new JsonObject { ["content"] = "done" });
        var second = await _rest.PostAsync(Webhook(handle), new JsonObject { ["content"] = "more" });

        Assert.Equal(Id(handle.OriginalMessage!.Id), first.Body!["id"]!.GetValue<string>());
        Assert.True(handle.OriginalMessage.Ephemeral);
        Assert.Equal("done", handle.OriginalMessage.Content);
        Assert.Equal("more", Assert.Single(handle.Followups).Content);
        Assert.Equal("done", (await handle.WaitForMessageAsync(m => m.Content == "done")).Content);
    }

    [Fact]
    public async Task EditOriginal_AfterDefer_ReplacesLoadingState()
    {
        var handle = await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();
        await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 5 });

        var edited = await _rest.PatchAsync(Webhook(handle) + "/messages/@original", new JsonObject { ["content"] = "ready" });
        var fetched = await _rest.GetAsync(Webhook(handle) + "/messages/@original");

        Assert.Equal(200, edited.Status);
        Assert.Equal("ready", fetched.Body!["content"]!.GetValue<string>());
        Assert.Equal(0, fetched.Body["flags"]!.GetValue<int>() & 128);
    }

    [Fact]
    public async Task Followup_AfterFifteenMinutes_Returns50027()
    {
        var handle = await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();
        await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 5 });

        _time.Advance(TimeSpan.FromMinutes(16));
        var response = await _rest.PostAsync(Webhook(handle), new JsonObject { ["content"] = "too late" });

        Assert.Equal(401, response.Status);
        Assert.Equal(50027, response.Code);
    }

    [Fact]
    public async Task ClicksButton_UpdateMessage_EditsTheComponentMessage()
    {
        var posted = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject
        {
            ["content"] = "Rate it",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "5", ["custom_id"] = "review:rate:1:5" }),
            }),
        });
        var messageId = ulong.Parse(posted.Body!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        var handle = await _alice.ClicksButtonAsync(messageId, "review:rate:1:5");
        var interaction = await ReceiveInteractionAsync();
        await _rest.PostAsync(Callback(interaction), new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Rated 5", ["components"] = new JsonArray() } });

        Assert.Equal(3, interaction["type"]!.GetValue<int>());
        Assert.Equal("review:rate:1:5", interaction["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(posted.Body["id"]!.GetValue<string>(), interaction["message"]!["id"]!.GetValue<string>());
        Assert.Equal(7, (await handle.WaitForResponseAsync()).Type);
        Assert.Equal("Rated 5", _emulator.Message(messageId)!.Content);
    }

    [Fact]
    public async Task ClicksButton_Unknown_Throws()
    {
        var posted = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject { ["content"] = "no buttons" });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _alice.ClicksButtonAsync(ulong.Parse(posted.Body!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), "x"));
    }

    [Fact]
    public async Task Modal_ShownThenSubmitted_BotReceivesValues()
    {
        await _alice.RunsCommandAsync("ask");
        var interaction = await ReceiveInteractionAsync();
        await _rest.PostAsync(Callback(interaction), new JsonObject
        {
            ["type"] = 9,
            ["data"] = new JsonObject
            {
                ["custom_id"] = "answer:submit:7",
                ["title"] = "Your answer",
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = 18,
                    ["label"] = "Answer",
                    ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "text", ["style"] = 2 },
                }),
            },
        });

        var submit = await _alice.SubmitsModalAsync("answer:submit:7", ("text", "Use an index"));
        var submitted = await ReceiveInteractionAsync();

        Assert.Equal(5, submit.Type);
        Assert.Equal("answer:submit:7", submitted["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal("Use an index", submitted["data"]!["components"]![0]!["component"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Modal_NeverShown_SubmitThrows()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _alice.SubmitsModalAsync("answer:submit:1", ("text", "x")));
    }

    [Fact]
    public async Task Autocomplete_Result_GivesChoices()
    {
        var handle = await _alice.AutocompleteAsync("ask", "category", "data");
        var interaction = await ReceiveInteractionAsync();

        await _rest.PostAsync(Callback(interaction), new JsonObject
        {
            ["type"] = 8,
            ["data"] = new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["name"] = "databases", ["value"] = "databases" }) },
        });

        Assert.Equal(4, interaction["type"]!.GetValue<int>());
        Assert.True(interaction["data"]!["options"]![0]!["focused"]!.GetValue<bool>());
        Assert.Equal(("databases", "databases"), Assert.Single((await handle.WaitForResponseAsync()).Choices));
    }

    [Fact]
    public async Task MemberActions_PostEditReactDelete_BotSeesEachDispatch()
    {
        var message = await _alice.PostsAsync(_channel.Id, "my answer");
        var created = await _gateway.ReceiveDispatchAsync("MESSAGE_CREATE");
        await _alice.EditsAsync(message.Id, "my better answer");
        var updated = await _gateway.ReceiveDispatchAsync("MESSAGE_UPDATE");
        await _alice.ReactsAsync(message.Id, "👍");
        var reaction = await _gateway.ReceiveDispatchAsync("MESSAGE_REACTION_ADD");
        await _alice.DeletesAsync(message.Id);
        var deleted = await _gateway.ReceiveDispatchAsync("MESSAGE_DELETE");

        Assert.Equal("my answer", created["d"]!["content"]!.GetValue<string>());
        Assert.Equal(Id(_guild.Id), created["d"]!["guild_id"]!.GetValue<string>());
        Assert.Equal("my better answer", updated["d"]!["content"]!.GetValue<string>());
        Assert.Equal("👍", reaction["d"]!["emoji"]!["name"]!.GetValue<string>());
        Assert.Equal(Id(message.Id), deleted["d"]!["id"]!.GetValue<string>());
        Assert.Empty(_emulator.Messages(_channel.Id));
    }

    [Fact]
    public async Task WaitForMessage_BotPostsLater_Completes()
    {
        var waiting = _emulator.WaitForMessageAsync(m => m.Content == "later");

        await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject { ["content"] = "later" });

        Assert.Equal(_channel.Id, (await waiting).ChannelId);
    }

    [Fact]
    public async Task WaitForRequest_MatchingRoute_Completes()
    {
        await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject { ["content"] = "x" });

        var request = await _emulator.WaitForRequestAsync(r => r.RouteKey == "POST /channels/{channel_id}/messages");

        Assert.Equal(200, request.Status);
        Assert.Equal("x", request.Body!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Thread_IdleLongerThanAutoArchive_ArchivesAndRefusesReactions()
    {
        var posted = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject { ["content"] = "question" });
        var messageId = posted.Body!["id"]!.GetValue<string>();
        await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages/{messageId}/threads", new JsonObject { ["name"] = "answers", ["auto_archive_duration"] = 60 });
        var answer = await _rest.PostAsync($"channels/{messageId}/messages", new JsonObject { ["content"] = "first" });

        _time.Advance(TimeSpan.FromMinutes(61));
        var react = await _rest.PutAsync($"channels/{messageId}/messages/{answer.Body!["id"]!.GetValue<string>()}/reactions/{Uri.EscapeDataString("👍")}/@me");
        var update = await _gateway.ReceiveDispatchAsync("THREAD_UPDATE");
        var revived = await _rest.PostAsync($"channels/{messageId}/messages", new JsonObject { ["content"] = "revive" });

        Assert.Equal(50083, react.Code);
        Assert.True(update["d"]!["thread_metadata"]!["archived"]!.GetValue<bool>());
        Assert.Equal(200, revived.Status);
        Assert.False(_emulator.Threads.Single().Archived);
    }

    [Fact]
    public async Task SendsDirectMessage_BotGetsDmWithoutGuild()
    {
        await _alice.SendsDirectMessageAsync("hello bot");

        var created = await _gateway.ReceiveDispatchAsync("MESSAGE_CREATE");

        Assert.Null(created["d"]!["guild_id"]);
        Assert.Equal("hello bot", created["d"]!["content"]!.GetValue<string>());
        Assert.Equal("hello bot", Assert.Single(_alice.DirectMessages).Content);
    }

    [Fact]
    public async Task Permissions_RoleOverwrite_DeniesMemberButNotOthers()
    {
        var muted = _guild.AddRole("muted", Permissions.None);
        var bob = _guild.AddMember("bob", null, muted);
        _channel.SetOverwrite(muted.Id, OverwriteType.Role, Permissions.None, Permissions.SendMessages);

        Assert.False(bob.PermissionsIn(_channel).HasFlag(Permissions.SendMessages));
        Assert.True(_alice.PermissionsIn(_channel).HasFlag(Permissions.SendMessages));
        await Assert.ThrowsAsync<InvalidOperationException>(() => bob.PostsAsync(_channel.Id, "hi"));
    }
}
