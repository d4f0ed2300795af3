using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Integration;

public sealed class ComponentsAgainstEmulatorTests
{
    [Fact]
    public async Task ButtonOpensModal_SubmitCarriesTheTypedAnswer()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();
        var prompt = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate
        {
            Content = "Question 4182",
            Components = [ActionRow.Of(new Button { Style = ButtonStyle.Primary, CustomId = "answer:open:4182", Label = "Answer privately" })],
        });

        var click = await harness.Alice.ClicksButtonAsync(prompt.Id.Value, "answer:open:4182");
        var clicked = (await harness.NextAsync<InteractionCreateEvent>()).Interaction;
        await harness.Rest.CreateInteractionResponseAsync(clicked.Id, clicked.Token, InteractionResponse.Modal(
            "answer:submit:4182",
            "Your answer",
            [new LabelComponent { Label = "Answer", Component = new TextInput { CustomId = "answer", Style = TextInputStyle.Paragraph, MaxLength = 4000 } }]));
        await click.WaitForResponseAsync();

        var submit = await harness.Alice.SubmitsModalAsync("answer:submit:4182", ("answer", "Consistent hashing moves only K/n keys."));
        var submitted = (await harness.NextAsync<InteractionCreateEvent>(e => e.Interaction.Type == InteractionType.ModalSubmit)).Interaction;
        await harness.Rest.CreateInteractionResponseAsync(submitted.Id, submitted.Token, InteractionResponse.ChannelMessage(new MessageCreate { Content = "Saved." }, ephemeral: true));
        var reply = await submit.WaitForResponseAsync();

        Assert.Equal(("answer:open:4182", ComponentType.Button), (clicked.Data!.CustomId, clicked.Data.ComponentType));
        Assert.Equal(prompt.Id, clicked.Message!.Id);
        Assert.Equal("answer:submit:4182", submitted.Data!.CustomId);
        Assert.Equal("Consistent hashing moves only K/n keys.", submitted.Data.GetModalValue("answer"));
        Assert.True(reply.Ephemeral);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task SelectThenUpdateMessage_EditsTheComponentMessage()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();
        var picker = await harness.Rest.CreateMessageAsync(new Snowflake(harness.Channel.Id), new MessageCreate
        {
            Content = "Pick a category",
            Components = [ActionRow.Of(new StringSelect
            {
                CustomId = "ask:pick",
                Options = [new SelectOption { Label = "Databases", Value = "db" }, new SelectOption { Label = "Networking", Value = "net" }],
            })],
        });

        var select = await harness.Alice.SelectsAsync(picker.Id.Value, "ask:pick", "net");
        var interaction = (await harness.NextAsync<InteractionCreateEvent>()).Interaction;
        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.UpdateMessage(new InteractionCallbackData { Content = "Networking it is", Components = [] }));
        await select.WaitForResponseAsync();

        Assert.Equal(["net"], interaction.Data!.Values!);
        var edited = harness.Emulator.Message(picker.Id.Value)!;
        Assert.Equal("Networking it is", edited.Content);
        Assert.Empty(edited.Components);
    }

    [Fact]
    public async Task EphemeralFollowupWithFile_DeliversTheExport()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var app = (await harness.Rest.GetCurrentApplicationAsync()).Id;
        await harness.Rest.BulkOverwriteGlobalCommandsAsync(app, [new ApplicationCommand { Name = "privacy", Description = "Your data" }]);
        await harness.ConnectAsync();

        var handle = await harness.Alice.RunsCommandAsync("privacy");
        var interaction = (await harness.NextAsync<InteractionCreateEvent>()).Interaction;
        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(ephemeral: true));
        var followup = await harness.Rest.CreateFollowupAsync(
            interaction.ApplicationId,
            interaction.Token,
            new MessageCreate { Content = "Everything we store about you.", Flags = MessageFlags.Ephemeral },
            new FileUpload("interviewbot-export.json", "{\"answers\":[]}"u8.ToArray(), "application/json"));
        var message = await handle.WaitForMessageAsync();

        Assert.Equal("Everything we store about you.", message.Content);
        Assert.True(message.Ephemeral);
        Assert.Single(message.Attachments);
        Assert.Equal("interviewbot-export.json", Assert.Single(followup.Attachments!).Filename);
    }

    [Fact]
    public async Task LargeGuildCreate_SpanningManyFrames_Decodes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        for (var i = 0; i < 300; i++)
        {
            harness.Guild.AddTextChannel($"channel-{i:000}-with-a-long-enough-name");
        }

        await harness.ConnectAsync();
        var guild = await harness.NextAsync<GuildCreateEvent>();

        Assert.Equal(301, guild.Guild.Channels!.Count);
    }

    [Fact]
    public async Task TwoShards_EachGuildArrivesOnItsShard()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.RecommendedShards = 2;
            o.MaxConcurrency = 2;
            o.EnforceIdentifyConcurrency = true;
        });
        var beta = harness.Emulator.AddGuild("beta");
        var gamma = harness.Emulator.AddGuild("gamma");

        await harness.ConnectAsync();
        var guilds = new List<GuildCreateEvent>();
        var readies = 1;
        await harness.CollectUntilAllAsync(e =>
        {
            readies += e is ReadyEvent ? 1 : 0;
            if (e is GuildCreateEvent created)
            {
                guilds.Add(created);
            }

            return guilds.Count == 3 && readies == 2;
        });

        Assert.Equal(2, harness.Gateway.Shards.Count);
        Assert.All(guilds, g => Assert.Equal((int)((g.Guild.Id.Value >> 22) % 2), g.ShardId));
        Assert.Equal(2, harness.Emulator.IdentifyCount);
        Assert.Empty(harness.Emulator.Violations);
        Assert.Contains(guilds, g => g.Guild.Id.Value == beta.Id);
        Assert.Contains(guilds, g => g.Guild.Id.Value == gamma.Id);
    }
}
