using System.Text.Json;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;

namespace InterviewBot.Discord.Tests.Client;

public sealed class FixtureRoundTripTests
{
    public static TheoryData<string, Type> Dispatches => new()
    {
        { "ready.json", typeof(ReadyEvent) },
        { "resumed.json", typeof(ResumedEvent) },
        { "guild_create.json", typeof(GuildCreateEvent) },
        { "guild_delete.json", typeof(GuildDeleteEvent) },
        { "channel_create.json", typeof(ChannelCreateEvent) },
        { "channel_update.json", typeof(ChannelUpdateEvent) },
        { "channel_delete.json", typeof(ChannelDeleteEvent) },
        { "thread_create.json", typeof(ThreadCreateEvent) },
        { "thread_update.json", typeof(ThreadUpdateEvent) },
        { "thread_delete.json", typeof(ThreadDeleteEvent) },
        { "message_create.json", typeof(MessageCreateEvent) },
        { "message_update.json", typeof(MessageUpdateEvent) },
        { "message_delete.json", typeof(MessageDeleteEvent) },
        { "message_reaction_add.json", typeof(MessageReactionAddEvent) },
        { "message_reaction_remove.json", typeof(MessageReactionRemoveEvent) },
        { "interaction_create_command.json", typeof(InteractionCreateEvent) },
        { "interaction_create_autocomplete.json", typeof(InteractionCreateEvent) },
        { "interaction_create_component.json", typeof(InteractionCreateEvent) },
        { "interaction_create_modal.json", typeof(InteractionCreateEvent) },
    };

    [Theory]
    [MemberData(nameof(Dispatches))]
    public void TryDecodeDispatch_Fixture_ProducesTypedEventThatRoundTrips(string fixture, Type expected)
    {
        var gatewayEvent = Decode(fixture, shardId: 3);

        Assert.IsType(expected, gatewayEvent);
        Assert.Equal(3, gatewayEvent.ShardId);
        var entity = Entity(gatewayEvent);
        if (entity is not null)
        {
            var typeInfo = DiscordJsonContext.Default.GetTypeInfo(entity.GetType())!;
            var first = JsonSerializer.Serialize(entity, typeInfo);
            var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, typeInfo), typeInfo);
            Assert.Equal(first, again);
            Assert.DoesNotContain("null", first, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ready_Fixture_KeepsSessionAndResumeUrl()
    {
        var ready = Assert.IsType<ReadyEvent>(Decode("ready.json"));

        Assert.Equal("9f3b4a8e5c2d1f0a7b6c5d4e3f2a1b0c", ready.SessionId);
        Assert.Equal("wss://gateway-us-east1-b.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal(new Snowflake(1100000000000000002), ready.ApplicationId);
        Assert.Equal(2, ready.Guilds.Count);
        Assert.True(ready.User.Bot);
    }

    [Fact]
    public void MessageCreate_Fixture_DecodesEveryModelledField()
    {
        var message = Assert.IsType<MessageCreateEvent>(Decode("message_create.json")).Message;

        Assert.Equal(new Snowflake(334385199974967042), message.Id);
        Assert.Equal(new Snowflake(197038439483310086), message.GuildId);
        Assert.Equal("Mason M", message.Author.DisplayName);
        Assert.Null(message.EditedTimestamp);
        Assert.Equal(new DateTimeOffset(2017, 7, 11, 17, 27, 7, 299, TimeSpan.Zero), message.Timestamp);
        Assert.Equal("1234567890123", message.Nonce);
        Assert.Equal(MessageType.Reply, message.Type);
        Assert.Equal(new Snowflake(334385199974967040), message.MessageReference?.MessageId);
        var embed = Assert.Single(message.Embeds);
        Assert.Equal("Difficulty", Assert.Single(embed.Fields!).Name);
        var row = Assert.IsType<ActionRow>(message.Components![0]);
        var button = Assert.IsType<Button>(row.Components[0]);
        Assert.Equal(("review:rate:4182:5", ButtonStyle.Primary, "⭐"), (button.CustomId, button.Style, button.Emoji?.Name));
        Assert.Equal(ButtonStyle.Link, Assert.IsType<Button>(row.Components[1]).Style);
        var select = Assert.IsType<StringSelect>(Assert.IsType<ActionRow>(message.Components[1]).Components[0]);
        Assert.Equal("db", Assert.Single(select.Options).Value);
    }

    [Fact]
    public void MessageUpdate_Fixture_IsPartial()
    {
        var update = Assert.IsType<MessageUpdateEvent>(Decode("message_update.json")).Message;

        Assert.Null(update.Author);
        Assert.Equal("edited answer: B+ trees keep data in leaves", update.Content);
        Assert.NotNull(update.EditedTimestamp);
    }

    [Fact]
    public void ThreadUpdate_Fixture_CarriesArchivedAndLocked()
    {
        var thread = Assert.IsType<ThreadUpdateEvent>(Decode("thread_update.json")).Thread;

        Assert.True(thread.IsThread);
        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        Assert.True(thread.ThreadMetadata!.Archived);
        Assert.True(thread.ThreadMetadata.Locked);
    }

    [Fact]
    public void CommandInteraction_Fixture_ExposesSubcommandOptionsAndPermissions()
    {
        var interaction = Assert.IsType<InteractionCreateEvent>(Decode("interaction_create_command.json")).Interaction;
        var (path, options) = interaction.Data!.GetCommandPath();

        Assert.Equal("question export", path);
        Assert.Equal(3, options.Count);
        Assert.Equal("databases", interaction.Data.GetOption("category")?.GetString());
        Assert.Equal(5, interaction.Data.GetOption("count")?.GetInt64());
        Assert.False(interaction.Data.GetOption("public")?.GetBoolean());
        Assert.Equal((Permissions)2147483647, interaction.Member!.Permissions);
        Assert.Equal((Permissions)442368, interaction.AppPermissions);
        Assert.Equal(new Snowflake(53908099506183680), interaction.Invoker?.Id);
        Assert.DoesNotContain(interaction.Token, interaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AutocompleteInteraction_Fixture_FindsFocusedOption()
    {
        var interaction = Assert.IsType<InteractionCreateEvent>(Decode("interaction_create_autocomplete.json")).Interaction;

        var focused = interaction.Data!.GetFocusedOption();

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal(("tag", "cach"), (focused?.Name, focused?.GetString()));
    }

    [Fact]
    public void ComponentInteraction_Fixture_KeepsValuesAndUnknownComponents()
    {
        var interaction = Assert.IsType<InteractionCreateEvent>(Decode("interaction_create_component.json")).Interaction;

        Assert.Equal("ask:pick", interaction.Data!.CustomId);
        Assert.Equal(ComponentType.StringSelect, interaction.Data.ComponentType);
        Assert.Equal(["db", "net"], interaction.Data.Values!);
        var unknown = Assert.IsType<UnknownComponent>(interaction.Message!.Components![1]);
        Assert.Equal(10, unknown.RawType);
        var json = JsonSerializer.Serialize(interaction.Message, DiscordJsonContext.Default.Message);
        Assert.Contains("a components-v2 text display we do not model", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ModalInteraction_Fixture_ReadsLabelAndLegacyRowValues()
    {
        var interaction = Assert.IsType<InteractionCreateEvent>(Decode("interaction_create_modal.json")).Interaction;

        Assert.Equal("Use a write-through cache with TTL", interaction.Data!.GetModalValue("answer"));
        Assert.Equal("legacy row shape", interaction.Data.GetModalValue("notes"));
        Assert.Null(interaction.Data.GetModalValue("missing"));
        Assert.Equal(InteractionContextType.BotDm, interaction.Context);
        Assert.Equal("Mason", interaction.Invoker?.Username);
    }

    [Fact]
    public void TryDecodeDispatch_UnknownEvent_IsIgnoredNotAnError()
    {
        using var document = JsonDocument.Parse("""{"anything":1}""");

        var ok = GatewayPayloadDecoder.TryDecodeDispatch("SOME_FUTURE_EVENT", document.RootElement, 0, out var gatewayEvent, out var error);

        Assert.True(ok);
        Assert.Null(gatewayEvent);
        Assert.Null(error);
    }

    [Fact]
    public void TryDecodeDispatch_MissingRequiredField_ReportsErrorWithoutValues()
    {
        using var document = JsonDocument.Parse("""{"id":"1","content":"secret-ish text"}""");

        var ok = GatewayPayloadDecoder.TryDecodeDispatch("MESSAGE_CREATE", document.RootElement, 0, out var gatewayEvent, out var error);

        Assert.False(ok);
        Assert.Null(gatewayEvent);
        Assert.DoesNotContain("secret-ish", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeDispatch_UnknownEnumValuesAndFields_AreKeptOrIgnored()
    {
        using var document = JsonDocument.Parse("""{"id":"5","type":99,"flags":1048576,"brand_new_field":{"x":[1,2]},"thread_metadata":{"archived":true,"locked":false,"auto_archive_duration":1440,"future":1}}""");

        Assert.True(GatewayPayloadDecoder.TryDecodeDispatch("CHANNEL_CREATE", document.RootElement, 0, out var gatewayEvent, out _));

        var channel = Assert.IsType<ChannelCreateEvent>(gatewayEvent).Channel;
        Assert.Equal((ChannelType)99, channel.Type);
        Assert.False(channel.IsThread);
        Assert.True(channel.ThreadMetadata!.Archived);
    }

    [Fact]
    public void Message_WithOddComponentAndHugeNonce_StillDecodes()
    {
        using var document = JsonDocument.Parse("""
            {"id":"1","channel_id":"2","author":{"id":"3","username":"a"},"content":"my answer","timestamp":"2026-12-01T09:00:00+00:00",
             "nonce":123456789012345678901234,
             "components":[{"type":1,"components":[{"type":2,"style":"primary","custom_id":{"x":1}}]}]}
            """);

        Assert.True(GatewayPayloadDecoder.TryDecodeDispatch("MESSAGE_CREATE", document.RootElement, 0, out var gatewayEvent, out var error), error);

        var message = Assert.IsType<MessageCreateEvent>(gatewayEvent).Message;
        Assert.Equal("my answer", message.Content);
        Assert.Equal("123456789012345678901234", message.Nonce);
        Assert.IsType<UnknownComponent>(Assert.IsType<ActionRow>(message.Components![0]).Components[0]);
    }

    [Fact]
    public void Interaction_WithResolvedUsersMembersChannels_Decodes()
    {
        using var document = JsonDocument.Parse("""
            {"id":"10","application_id":"2","type":2,"token":"t","data":{"id":"5","name":"stats","type":1,
             "options":[{"name":"member","type":6,"value":"53908099506183680"},{"name":"where","type":7,"value":"41771983423143937"}],
             "resolved":{"users":{"53908099506183680":{"id":"53908099506183680","username":"Mason"}},
                         "members":{"53908099506183680":{"roles":[],"joined_at":"2017-03-13T19:19:14.040000+00:00","permissions":"1024"}},
                         "channels":{"41771983423143937":{"id":"41771983423143937","type":11,"name":"Q","permissions":"2048","thread_metadata":{"archived":false,"locked":true,"auto_archive_duration":60}}}}}}
            """);

        Assert.True(GatewayPayloadDecoder.TryDecodeDispatch("INTERACTION_CREATE", document.RootElement, 0, out var gatewayEvent, out var error), error);

        var data = Assert.IsType<InteractionCreateEvent>(gatewayEvent).Interaction.Data!;
        var userId = data.GetOption("member")!.GetSnowflake()!.Value;
        Assert.Equal("Mason", data.Resolved!.Users![userId].Username);
        Assert.Equal(Permissions.ViewChannel, data.Resolved.Members![userId].Permissions);
        var channel = data.Resolved.Channels![data.GetOption("where")!.GetSnowflake()!.Value];
        Assert.True(channel.ThreadMetadata!.Locked);
        Assert.Equal(Permissions.SendMessages, channel.Permissions);
    }

    [Fact]
    public void TryDecodeEnvelope_HeartbeatAckWithoutData_Decodes()
    {
        Assert.True(GatewayPayloadDecoder.TryDecodeEnvelope(Fixture.Bytes("heartbeat_ack.json"), out var envelope, out _));
        Assert.Equal(GatewayOpcode.HeartbeatAck, envelope.Op);
        Assert.Null(envelope.Sequence);
    }

    [Fact]
    public void Serialize_Snowflake_IsStringAndPermissionsAreDecimalStrings()
    {
        var role = new Role { Id = new Snowflake(18446744073709551615), Permissions = Permissions.SendMessagesInThreads | Permissions.ViewChannel };

        var json = JsonSerializer.Serialize(role, DiscordJsonContext.Default.Role);

        Assert.Equal("""{"id":"18446744073709551615","name":"","permissions":"274877907968","position":0}""", json);
    }

    private static GatewayEvent Decode(string fixture, int shardId = 0)
    {
        Assert.True(GatewayPayloadDecoder.TryDecodeEnvelope(Fixture.Bytes(fixture), out var envelope, out var envelopeError), envelopeError);
        Assert.Equal(GatewayOpcode.Dispatch, envelope.Op);
        Assert.True(GatewayPayloadDecoder.TryDecodeDispatch(envelope.EventName, envelope.Data, shardId, out var gatewayEvent, out var error), error);
        return gatewayEvent!;
    }

    private static object? Entity(GatewayEvent gatewayEvent) => gatewayEvent switch
    {
        GuildCreateEvent e => e.Guild,
        GuildDeleteEvent e => e.Guild,
        ChannelCreateEvent e => e.Channel,
        ChannelUpdateEvent e => e.Channel,
        ChannelDeleteEvent e => e.Channel,
        ThreadCreateEvent e => e.Thread,
        ThreadUpdateEvent e => e.Thread,
        ThreadDeleteEvent e => e.Thread,
        MessageCreateEvent e => e.Message,
        MessageUpdateEvent e => e.Message,
        MessageReactionAddEvent e => e.Reaction,
        MessageReactionRemoveEvent e => e.Reaction,
        InteractionCreateEvent e => e.Interaction,
        ReadyEvent e => e.User,
        _ => null,
    };
}
