using System.Net;
using System.Text.Json;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Client;

public sealed class DiscordRestClientTests
{
    private static readonly Snowflake Channel = new(100);

    [Fact]
    public async Task CreateMessageAsync_Default_SendsAuthUserAgentAndMentionNobody()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));

        var message = await harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "hi @everyone", Nonce = "daily-1", EnforceNonce = true });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(("POST", "/api/v10/channels/100/messages"), (request.Method, request.PathAndQuery));
        Assert.Equal("Bot " + RestHarness.Token, request.Authorization);
        Assert.Equal("DiscordBot (https://example.org/bot, 1.2.3)", request.UserAgent);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"content":"hi @everyone","nonce":"daily-1","enforce_nonce":true,"allowed_mentions":{"parse":[]}}""", request.Body);
        Assert.Equal(new Snowflake(900), message.Id);
    }

    [Fact]
    public async Task CreateMessageAsync_ExplicitMentions_AreKept()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));

        await harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "<@&5>", AllowedMentions = AllowedMentions.OnlyRoles(new Snowflake(5)) });

        Assert.Contains("""
            "allowed_mentions":{"parse":[],"roles":["5"]}
            """, Assert.Single(harness.Handler.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMessageRoute_WithoutMentions_GetsParseEmpty()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));
        var app = new Snowflake(7);

        await harness.Client.EditMessageAsync(Channel, new Snowflake(1), new MessageEdit { Content = "x" });
        await harness.Client.CreateInteractionResponseAsync(new Snowflake(2), "tok", InteractionResponse.ChannelMessage(new MessageCreate { Content = "x" }, ephemeral: true));
        await harness.Client.EditOriginalResponseAsync(app, "tok", new MessageEdit { Content = "x" });
        await harness.Client.CreateFollowupAsync(app, "tok", new MessageCreate { Content = "x", Flags = MessageFlags.Ephemeral });

        Assert.All(harness.Handler.Requests, r => Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", r.Body, StringComparison.Ordinal));
        Assert.Contains("\"flags\":64", harness.Handler.Requests.ElementAt(1).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_Modal_HasNoMentionsAndIsExemptFromGlobalLimit()
    {
        using var harness = new RestHarness(_ => new HttpResponseMessage(HttpStatusCode.NoContent), o => o.GlobalRequestsPerSecond = 1);
        var modal = InteractionResponse.Modal("answer:submit:1", "Your answer", [new LabelComponent { Label = "Answer", Component = new TextInput { CustomId = "answer", Style = TextInputStyle.Paragraph } }]);

        // Three callbacks at one instant with a global limit of 1/s: none has to wait.
        for (var i = 0; i < 3; i++)
        {
            var task = harness.Client.CreateInteractionResponseAsync(new Snowflake((ulong)(10 + i)), "tok" + i, modal);
            await task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var body = harness.Handler.Requests.First().Body;
        Assert.Equal("""{"type":9,"data":{"components":[{"type":18,"label":"Answer","component":{"type":4,"custom_id":"answer","style":2}}],"custom_id":"answer:submit:1","title":"Your answer"}}""", body);
        Assert.Equal("/api/v10/interactions/10/tok0/callback", harness.Handler.Requests.First().PathAndQuery);
    }

    [Fact]
    public async Task ClientError_ThrowsDiscordApiExceptionWithCodeAndNoToken()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.Forbidden, """{"code":50013,"message":"Missing Permissions"}"""));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateFollowupAsync(new Snowflake(7), "very-secret-interaction-token", new MessageCreate { Content = "x" }));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(50013, ex.Code);
        Assert.Equal("Missing Permissions", ex.DiscordMessage);
        Assert.DoesNotContain("very-secret-interaction-token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RestHarness.Token, ex.Message, StringComparison.Ordinal);
        Assert.Contains("webhooks/{application_id}/{interaction_token}", ex.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(1, harness.Counter("discord.rest.invalid_requests"));
    }

    [Fact]
    public async Task Unauthorized_StopsSendingWithThatToken()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.Unauthorized, """{"code":0,"message":"401: Unauthorized"}"""));

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.GetChannelAsync(Channel));
        var second = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task InvalidFormBody_KeepsNestedErrors()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.BadRequest, """{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}"""));

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.GetChannelAsync(Channel));

        Assert.Equal(50035, ex.Code);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", ex.ErrorsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_IsRetriedWithBackoffThenSucceeds()
    {
        var calls = 0;
        using var harness = new RestHarness(_ => Interlocked.Increment(ref calls) <= 2
            ? new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") }
            : FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));

        var message = await harness.PumpAsync(harness.Client.GetMessageAsync(Channel, new Snowflake(900)));

        Assert.Equal(new Snowflake(900), message.Id);
        Assert.Equal(3, calls);
        Assert.Equal(2, harness.Counter("discord.rest.retries"));
    }

    [Fact]
    public async Task ServerError_BeyondMaxRetries_Throws()
    {
        using var harness = new RestHarness(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => harness.PumpAsync(harness.Client.GetChannelAsync(Channel)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task NetworkError_IsRetriedThenSucceeds()
    {
        var calls = 0;
        using var harness = new RestHarness(_ => Interlocked.Increment(ref calls) == 1
            ? throw new HttpRequestException("connection reset")
            : FakeDiscordHandler.Json(HttpStatusCode.OK, """{"id":"100","type":0}"""));

        var channel = await harness.PumpAsync(harness.Client.GetChannelAsync(Channel));

        Assert.Equal(Channel, channel.Id);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task CreateMessageAsync_WithFile_SendsMultipartWithPayloadJsonAndAttachment()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));
        var file = new FileUpload("export.json", "{\"answers\":[]}"u8.ToArray(), "application/json", "your data");

        await harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = "here" }, file);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("multipart/form-data", request.ContentType);
        Assert.Contains("name=payload_json", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"export.json\",\"description\":\"your data\"}]", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=export.json", request.Body, StringComparison.Ordinal);
        Assert.Contains("{\"answers\":[]}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessageAsync_OverLimit_ThrowsBeforeSending()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, FakeDiscordHandler.MessageJson));

        await Assert.ThrowsAsync<DiscordLimitException>(() => harness.Client.CreateMessageAsync(Channel, new MessageCreate { Content = new string('x', 2001) }));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task GetChannelMessagesAsync_BuildsQueryAndReadsList()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, $"[{FakeDiscordHandler.MessageJson}]"));

        var messages = await harness.Client.GetChannelMessagesAsync(Channel, after: new Snowflake(55), limit: 100);

        Assert.Single(messages);
        Assert.Equal("/api/v10/channels/100/messages?limit=100&after=55", Assert.Single(harness.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ThreadAndReactionRoutes_UseDocumentedPathsAndBodies()
    {
        using var harness = new RestHarness(r => r.Method == "PUT"
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : FakeDiscordHandler.Json(HttpStatusCode.OK, """{"id":"900","type":11,"thread_metadata":{"archived":false,"auto_archive_duration":1440,"locked":false}}"""));

        await harness.Client.StartThreadFromMessageAsync(Channel, new Snowflake(900), "Q: caches", 1440);
        await harness.Client.StartThreadAsync(Channel, "interview", ChannelType.PrivateThread, invitable: false);
        await harness.Client.ModifyChannelAsync(new Snowflake(900), new ChannelModify { Archived = true, Locked = true });
        await harness.Client.AddThreadMemberAsync(new Snowflake(900), new Snowflake(42));
        await harness.Client.CreateReactionAsync(Channel, new Snowflake(900), "✅");

        var r = harness.Handler.Requests.ToArray();
        Assert.Equal(("/api/v10/channels/100/messages/900/threads", """{"name":"Q: caches","auto_archive_duration":1440}"""), (r[0].PathAndQuery, r[0].Body));
        Assert.Equal(("/api/v10/channels/100/threads", """{"name":"interview","type":12,"invitable":false}"""), (r[1].PathAndQuery, r[1].Body));
        Assert.Equal(("PATCH", """{"archived":true,"locked":true}"""), (r[2].Method, r[2].Body));
        Assert.Equal("/api/v10/channels/900/thread-members/42", r[3].PathAndQuery);
        Assert.Equal("/api/v10/channels/100/messages/900/reactions/%E2%9C%85/@me", r[4].PathAndQuery);
    }

    [Fact]
    public async Task BulkOverwriteGlobalCommandsAsync_SerialisesDefinitions()
    {
        using var harness = new RestHarness(r => FakeDiscordHandler.Json(HttpStatusCode.OK, r.Body));
        var command = new ApplicationCommand
        {
            Name = "ask",
            Description = "Ask for a question",
            DefaultMemberPermissions = Permissions.ManageGuild,
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "tag", Description = "Tag", Autocomplete = true },
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.String,
                    Name = "difficulty",
                    Description = "How hard",
                    Choices = [ApplicationCommandOptionChoice.FromString("Easy", "easy"), ApplicationCommandOptionChoice.FromInteger("Two", 2)],
                },
            ],
        };

        var result = await harness.Client.BulkOverwriteGlobalCommandsAsync(new Snowflake(7), [command]);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(("PUT", "/api/v10/applications/7/commands"), (request.Method, request.PathAndQuery));
        Assert.Equal("""[{"name":"ask","description":"Ask for a question","options":[{"type":3,"name":"tag","description":"Tag","autocomplete":true},{"type":3,"name":"difficulty","description":"How hard","choices":[{"name":"Easy","value":"easy"},{"name":"Two","value":2}]}],"default_member_permissions":"32","contexts":[0]}]""", request.Body);
        Assert.Equal(JsonValueKind.Number, result[0].Options![1].Choices![1].Value.ValueKind);
    }

    [Fact]
    public async Task GetGatewayBotAsync_ReadsSessionStartLimit()
    {
        using var harness = new RestHarness(_ => FakeDiscordHandler.Json(HttpStatusCode.OK, """{"url":"wss://gateway.discord.gg","shards":9,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":16}}"""));

        var info = await harness.Client.GetGatewayBotAsync();

        Assert.Equal(("wss://gateway.discord.gg", 9, 16), (info.Url, info.Shards, info.SessionStartLimit.MaxConcurrency));
    }
}
