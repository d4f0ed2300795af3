using System.Globalization;
using System.Text.Json.Nodes;
using DiscordEmulator;
using DiscordEmulator.State;

namespace InterviewBot.Discord.Tests.Emulator;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class RestThreadAndCommandTests : IAsyncLifetime
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

    private async Task<string> PostAsync(string content) =>
        (await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages", new JsonObject { ["content"] = content })).Body!["id"]!.GetValue<string>();

    private async Task<string> ThreadFromMessageAsync(string name = "answers")
    {
        var messageId = await PostAsync("question");
        var response = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages/{messageId}/threads", new JsonObject { ["name"] = name });
        Assert.Equal(201, response.Status);
        return response.Body!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task StartThreadFromMessage_First_ThreadIdEqualsMessageId()
    {
        var messageId = await PostAsync("question");

        var response = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages/{messageId}/threads", new JsonObject { ["name"] = "answers", ["auto_archive_duration"] = 1440 });

        Assert.Equal(201, response.Status);
        Assert.Equal(messageId, response.Body!["id"]!.GetValue<string>());
        Assert.Equal(11, response.Body["type"]!.GetValue<int>());
        var thread = Assert.Single(_emulator.Threads);
        Assert.Equal("answers", thread.Name);
        Assert.Equal(_channel.Id, thread.ParentId);
    }

    [Fact]
    public async Task StartThreadFromMessage_Second_Returns160004()
    {
        var messageId = await PostAsync("question");
        await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages/{messageId}/threads", new JsonObject { ["name"] = "a" });

        var second = await _rest.PostAsync($"channels/{Id(_channel.Id)}/messages/{messageId}/threads", new JsonObject { ["name"] = "b" });

        Assert.Equal(400, second.Status);
        Assert.Equal(160004, second.Code);
    }

    [Fact]
    public async Task StartThread_BadDurationAndLongName_Returns50035()
    {
        var response = await _rest.PostAsync($"channels/{Id(_channel.Id)}/threads", new JsonObject { ["name"] = new string('n', 101), ["auto_archive_duration"] = 30 });

        Assert.Equal(50035, response.Code);
        Assert.NotNull(response.Body!["errors"]!["name"]);
        Assert.NotNull(response.Body["errors"]!["auto_archive_duration"]);
    }

    [Fact]
    public async Task StartThread_DefaultType_IsPrivate()
    {
        var response = await _rest.PostAsync($"channels/{Id(_channel.Id)}/threads", new JsonObject { ["name"] = "session" });

        Assert.Equal(12, response.Body!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartThread_PrivateWhenGuildDisallows_Fails()
    {
        _guild.AllowPrivateThreads = false;

        var response = await _rest.PostAsync($"channels/{Id(_channel.Id)}/threads", new JsonObject { ["name"] = "session", ["type"] = 12 });
        var pub = await _rest.PostAsync($"channels/{Id(_channel.Id)}/threads", new JsonObject { ["name"] = "open", ["type"] = 11 });

        Assert.Equal(400, response.Status);
        Assert.Equal(201, pub.Status);
    }

    [Fact]
    public async Task PostInThread_ArchivedAndLocked_Rejected()
    {
        var threadId = await ThreadFromMessageAsync();
        _guild.BotRole.Permissions &= ~Permissions.ManageThreads;
        _emulator.Channel(ulong.Parse(threadId, CultureInfo.InvariantCulture)).Archive(locked: true);

        var response = await _rest.PostAsync($"channels/{threadId}/messages", new JsonObject { ["content"] = "late" });

        Assert.Equal(400, response.Status);
        Assert.Equal(50083, response.Code);
    }

    [Fact]
    public async Task PostInThread_ArchivedNotLocked_UnarchivesIt()
    {
        var threadId = await ThreadFromMessageAsync();
        var thread = _emulator.Channel(ulong.Parse(threadId, CultureInfo.InvariantCulture));
        thread.Archive();

        var response = await _rest.PostAsync($"channels/{threadId}/messages", new JsonObject { ["content"] = "revive" });

        Assert.Equal(200, response.Status);
        Assert.False(thread.Archived);
    }

    [Fact]
    public async Task PatchThread_ArchiveAndLock_UpdatesState()
    {
        var threadId = await ThreadFromMessageAsync();

        var response = await _rest.PatchAsync($"channels/{threadId}", new JsonObject { ["archived"] = true, ["locked"] = true });

        Assert.Equal(200, response.Status);
        Assert.True(response.Body!["thread_metadata"]!["archived"]!.GetValue<bool>());
        Assert.True(response.Body["thread_metadata"]!["locked"]!.GetValue<bool>());
        Assert.True(_emulator.Channel(ulong.Parse(threadId, CultureInfo.InvariantCulture)).Locked);
    }

    [Fact]
    public async Task PatchThread_LockWithoutManageThreads_Returns50013()
    {
        var threadId = await ThreadFromMessageAsync();
        _guild.BotRole.Permissions &= ~Permissions.ManageThreads;

        var response = await _rest.PatchAsync($"channels/{threadId}", new JsonObject { ["locked"] = true });

        Assert.Equal(50013, response.Code);
    }

    [Fact]
    public async Task AddThreadMember_PrivateThread_LetsMemberPost()
    {
        var alice = _guild.AddMember("alice");
        var created = await _rest.PostAsync($"channels/{Id(_channel.Id)}/threads", new JsonObject { ["name"] = "session", ["type"] = 12 });
        var threadId = created.Body!["id"]!.GetValue<string>();
        var thread = _emulator.Channel(ulong.Parse(threadId, CultureInfo.InvariantCulture));
        await using var gateway = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await gateway.IdentifyAsync(_emulator.BotToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => alice.PostsAsync(thread.Id, "let me in"));
        var added = await _rest.PutAsync($"channels/{threadId}/thread-members/{Id(alice.Id)}");
        var posted = await alice.PostsAsync(thread.Id, "in");

        Assert.Equal(204, added.Status);
        Assert.Contains(alice.Id, thread.ThreadMembers);
        Assert.Equal("in", posted.Content);
    }

    [Fact]
    public async Task GetChannel_Thread_IncludesMetadataAndBotMember()
    {
        var threadId = await ThreadFromMessageAsync();

        var response = await _rest.GetAsync($"channels/{threadId}");

        Assert.Equal(Id(_channel.Id), response.Body!["parent_id"]!.GetValue<string>());
        Assert.NotNull(response.Body["member"]);
        Assert.False(response.Body["thread_metadata"]!["archived"]!.GetValue<bool>());
    }

    private static JsonObject Command(string name, string description = "Ask a question", JsonArray? options = null)
    {
        var c = new JsonObject { ["name"] = name, ["description"] = description, ["type"] = 1 };
        if (options is not null)
        {
            c["options"] = options;
        }

        return c;
    }

    [Fact]
    public async Task OverwriteGlobalCommands_Twice_KeepsIdsOfSameNames()
    {
        var path = $"applications/{Id(_emulator.ApplicationId)}/commands";

        var first = await _rest.PutAsync(path, new JsonArray(Command("ask"), Command("stats", "Show stats")));
        var second = await _rest.PutAsync(path, new JsonArray(Command("ask"), Command("leaderboard", "Top members")));

        Assert.Equal(200, second.Status);
        Assert.Equal(first.Body![0]!["id"]!.GetValue<string>(), second.Body![0]!["id"]!.GetValue<string>());
        Assert.Equal(["ask", "leaderboard"], _emulator.Commands.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task OverwriteGuildCommands_Valid_StoredPerGuild()
    {
        var response = await _rest.PutAsync($"applications/{Id(_emulator.ApplicationId)}/guilds/{Id(_guild.Id)}/commands", new JsonArray(Command("daily", "Daily question")));

        Assert.Equal(200, response.Status);
        Assert.Equal(_guild.Id, Assert.Single(_emulator.Commands).GuildId);
    }

    [Theory]
    [InlineData("Ask", "desc")]
    [InlineData("has space", "desc")]
    [InlineData("ask", "")]
    [InlineData("thisnameiswaytoolongforadiscordcommand", "desc")]
    public async Task OverwriteGlobalCommands_InvalidNameOrDescription_Returns50035(string name, string description)
    {
        var response = await _rest.PutAsync($"applications/{Id(_emulator.ApplicationId)}/commands", new JsonArray(Command(name, description)));

        Assert.Equal(50035, response.Code);
        Assert.NotNull(response.Body!["errors"]!["0"]);
        Assert.Empty(_emulator.Commands);
    }

    [Fact]
    public async Task OverwriteGlobalCommands_RequiredAfterOptional_Returns50035()
    {
        var options = new JsonArray(
            new JsonObject { ["type"] = 3, ["name"] = "category", ["description"] = "Category" },
            new JsonObject { ["type"] = 3, ["name"] = "tag", ["description"] = "Tag", ["required"] = true });

        var response = await _rest.PutAsync($"applications/{Id(_emulator.ApplicationId)}/commands", new JsonArray(Command("ask", "Ask", options)));

        Assert.Equal(50035, response.Code);
    }

    [Fact]
    public async Task OverwriteGlobalCommands_ChoicesWithAutocomplete_Returns50035()
    {
        var options = new JsonArray(new JsonObject
        {
            ["type"] = 3,
            ["name"] = "category",
            ["description"] = "Category",
            ["autocomplete"] = true,
            ["choices"] = new JsonArray(new JsonObject { ["name"] = "db", ["value"] = "db" }),
        });

        var response = await _rest.PutAsync($"applications/{Id(_emulator.ApplicationId)}/commands", new JsonArray(Command("ask", "Ask", options)));

        Assert.Equal(50035, response.Code);
    }

    [Fact]
    public async Task ApplicationMe_Authorized_ReturnsApplicationId()
    {
        var response = await _rest.GetAsync("applications/@me");

        Assert.Equal(Id(_emulator.ApplicationId), response.Body!["id"]!.GetValue<string>());
    }
}
