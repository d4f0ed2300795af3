using System.Net;
using DiscordEmulator;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Integration;

public sealed class RestAgainstEmulatorTests
{
    [Fact]
    public async Task CreateMessage_WithEveryoneAndUserMention_PingsNobody()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var sent = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate
        {
            Content = $"@everyone {harness.Alice.Mention} your answer is in",
            Embeds = [new Embed { Title = "Question", Description = "What is a B-tree?", Fields = [new EmbedField { Name = "Difficulty", Value = "medium" }] }],
            Components = [ActionRow.Of(new Button { Style = ButtonStyle.Primary, CustomId = "review:rate:1:5", Label = "Rate" })],
        });

        var stored = harness.Emulator.Message(sent.Id.Value)!;
        Assert.False(stored.PingedEveryone);
        Assert.Empty(stored.PingedUserIds);
        Assert.Equal(["review:rate:1:5"], stored.CustomIds);
        Assert.Contains("What is a B-tree?", stored.EmbedText, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task CreateMessage_OnlyUsersMention_PingsExactlyThatUser()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var sent = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate
        {
            Content = $"@everyone {harness.Alice.Mention}",
            AllowedMentions = AllowedMentions.OnlyUsers(new Snowflake(harness.Alice.Id)),
        });

        var stored = harness.Emulator.Message(sent.Id.Value)!;
        Assert.False(stored.PingedEveryone);
        Assert.Equal([harness.Alice.Id], stored.PingedUserIds);
    }

    [Fact]
    public async Task FortyConcurrentMessages_OneChannel_NoRateLimitHit()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.RateLimits.RouteLimit = 5;
            o.RateLimits.RouteWindow = TimeSpan.FromMilliseconds(300);
        });
        var channel = new Snowflake(harness.Channel.Id);

        var sends = Enumerable.Range(0, 40).Select(i => harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = $"message {i}" }));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(40, harness.Emulator.Messages(harness.Channel.Id).Count);
        Assert.Equal(0, harness.Emulator.Count429);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task ServerErrors_AreRetried()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", 502, times: 2);

        var sent = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate { Content = "eventually" });

        Assert.Equal("eventually", harness.Emulator.Message(sent.Id.Value)!.Content);
    }

    [Fact]
    public async Task UnknownChannel_ThrowsWithDiscordCode()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateMessageAsync(new Snowflake(12345), new MessageCreate { Content = "x" }));

        Assert.Equal(10003, ex.Code);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task NonceWithEnforce_SecondSendReturnsTheFirstMessage()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var body = new MessageCreate { Content = "daily question", Nonce = "daily-2026-12-01", EnforceNonce = true };

        var first = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), body);
        var second = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), body);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(harness.Emulator.Messages(harness.Channel.Id));
    }

    [Fact]
    public async Task ThreadLifecycle_StartFromMessageThenArchiveAndLock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = new Snowflake(harness.Channel.Id);
        var question = await harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "Q" });

        var thread = await harness.Rest.StartThreadFromMessageAsync(channel, question.Id, DiscordText.SanitizeThreadName("Q: what\nis a B-tree?"), 1440);
        await harness.Rest.CreateMessageAsync(thread.Id, new MessageCreate { Content = "answers here" });
        var closed = await harness.Rest.ModifyChannelAsync(thread.Id, new ChannelModify { Archived = true, Locked = true });
        var fetched = await harness.Rest.GetChannelAsync(thread.Id);

        Assert.Equal(question.Id, thread.Id);
        Assert.Equal("Q: what is a B-tree?", thread.Name);
        Assert.True(closed.ThreadMetadata!.Archived);
        Assert.True(fetched.ThreadMetadata!.Locked);
        Assert.True(harness.Emulator.Channel(thread.Id.Value).Locked);
    }

    [Fact]
    public async Task FileUpload_IsStoredAsAttachment()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var sent = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate { Content = "your export" }, new FileUpload("export.json", "{\"answers\":[]}"u8.ToArray(), "application/json"));

        Assert.Single(harness.Emulator.Message(sent.Id.Value)!.Attachments);
        Assert.Equal("export.json", Assert.Single(sent.Attachments!).Filename);
    }

    [Fact]
    public async Task SlashCommand_DeferThenEditOriginal_AnswersTheMember()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var app = (await harness.Rest.GetCurrentApplicationAsync()).Id;
        await harness.Rest.BulkOverwriteGuildCommandsAsync(app, new Snowflake(harness.Guild.Id),
        [
            new ApplicationCommand
            {
                Name = "ask",
                Description = "Ask for a question",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "category", Description = "Category" }],
            },
        ]);
        await harness.ConnectAsync();

        var handle = await harness.Alice.RunsCommandAsync("ask", ("category", "databases"));
        var interaction = (await harness.NextAsync<InteractionCreateEvent>()).Interaction;
        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(ephemeral: true));
        await harness.Rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, new MessageEdit { Content = $"Here is a {interaction.Data!.GetOption("category")!.GetString()} question" });
        var answer = await handle.WaitForMessageAsync();

        Assert.Equal("ask", interaction.Data.Name);
        Assert.Equal(harness.Alice.Id, interaction.Invoker!.Id.Value);
        Assert.NotNull(interaction.Member!.Permissions);
        Assert.Equal("Here is a databases question", answer.Content);
        Assert.True(answer.Ephemeral);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task Autocomplete_ResultChoicesReachTheMember()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var app = (await harness.Rest.GetCurrentApplicationAsync()).Id;
        await harness.Rest.BulkOverwriteGlobalCommandsAsync(app,
        [
            new ApplicationCommand
            {
                Name = "ask",
                Description = "Ask for a question",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "tag", Description = "Tag", Autocomplete = true }],
            },
        ]);
        await harness.ConnectAsync();

        var handle = await harness.Alice.AutocompleteAsync("ask", "tag", "cach");
        var interaction = (await harness.NextAsync<InteractionCreateEvent>()).Interaction;
        var focused = interaction.Data!.GetFocusedOption()!;
        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Autocomplete([ApplicationCommandOptionChoice.FromString("caching", "caching")]));
        var response = await handle.WaitForResponseAsync();

        Assert.Equal(("tag", "cach"), (focused.Name, focused.GetString()));
        Assert.Equal([("caching", "caching")], response.Choices);
    }
}
