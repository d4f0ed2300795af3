using DiscordEmulator;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Emulator;

/// <summary>Our own client (src/InterviewBot.Discord) against the emulator: two independent readings of the docs agree.</summary>
public sealed class ClientAgainstEmulatorTests
{
    private static string Problems(DiscordEmulatorServer emulator) =>
        string.Join("\n", emulator.Violations.Select(v => v.ToString())
            .Concat(emulator.Requests.Where(r => r.Status >= 400 && r.Status != 429).Select(r => $"{r.RouteKey} {r.Status} {r.ResponseBody?.ToJsonString()}")));

    [Fact]
    public async Task RealClient_QuestionThreadAnswerAndDeferredCommand_NoViolationsNoErrors()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(300) });
        var guild = emulator.AddGuild("alpha");
        var channel = guild.AddTextChannel("interview");
        var alice = guild.AddMember("alice");
        await using var client = RealClientHarness.Start(emulator);
        await client.NextAsync<GuildCreateEvent>();

        var app = (await client.Rest.GetCurrentApplicationAsync()).Id;
        await client.Rest.BulkOverwriteGlobalCommandsAsync(app,
        [
            new ApplicationCommand
            {
                Name = "ask",
                Description = "Ask a question",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "category", Description = "Category" }],
            },
        ]);
        var question = await client.Rest.CreateMessageAsync(new Snowflake(channel.Id), new MessageCreate { Content = $"Question for {alice.Mention}", Nonce = "daily-1", EnforceNonce = true });
        var thread = await client.Rest.StartThreadFromMessageAsync(new Snowflake(channel.Id), question.Id, "answers", 1440);
        await client.Rest.CreateReactionAsync(new Snowflake(channel.Id), question.Id, "👍");
        await alice.PostsAsync(thread.Id.Value, "my answer");
        var answer = await client.NextAsync<MessageCreateEvent>(e => e.Message.Content == "my answer");
        var handle = await alice.RunsCommandAsync("ask", ("category", "databases"));
        var interaction = (await client.NextAsync<InteractionCreateEvent>()).Interaction;
        await client.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(ephemeral: true));
        await client.Rest.CreateFollowupAsync(app, interaction.Token, new MessageCreate { Content = "Here is your question" });
        var history = await client.Rest.GetChannelMessagesAsync(thread.Id, limit: 10);
        await client.Rest.ModifyChannelAsync(thread.Id, new ChannelModify { Archived = true, Locked = true });

        Assert.True(Problems(emulator).Length == 0, Problems(emulator));
        Assert.Equal(thread.Id, answer.Message.ChannelId);
        Assert.Empty(emulator.Messages(channel.Id)[0].PingedUserIds);
        Assert.Equal("Here is your question", handle.OriginalMessage!.Content);
        Assert.True(handle.OriginalMessage.Ephemeral);
        Assert.Single(history);
        Assert.True(emulator.Channel(thread.Id.Value).Locked);
    }

    [Fact]
    public async Task RealClient_ConnectionDropped_ResumesWithoutIdentifyingAgain()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(300) });
        var guild = emulator.AddGuild("alpha");
        await using var client = RealClientHarness.Start(emulator);
        await client.NextAsync<GuildCreateEvent>();

        emulator.Faults.DropConnections();
        guild.AddTextChannel("created-while-away");
        var beforeResume = client.Gateway.LastHeartbeatAck;
        await client.NextAsync<ResumedEvent>();
        await client.WaitForNewHeartbeatAckAsync(beforeResume);

        Assert.Equal(1, emulator.IdentifyCount);
        Assert.True(Problems(emulator).Length == 0, Problems(emulator));
    }

    [Fact]
    public async Task RealClient_InvalidSessionNotResumable_IdentifiesAgain()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(300) });
        emulator.AddGuild("alpha");
        await using var client = RealClientHarness.Start(emulator);
        await client.NextAsync<ReadyEvent>();

        emulator.Faults.SendInvalidSession(resumable: false);
        await client.NextAsync<ReadyEvent>();

        Assert.Equal(2, emulator.IdentifyCount);
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task RealClient_RateLimitStormAndBadGateway_RetriesUntilPosted()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var channel = emulator.AddGuild("alpha").AddTextChannel("interview");
        await using var client = RealClientHarness.Start(emulator);
        emulator.Faults.RateLimitRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", TimeSpan.FromMilliseconds(50), times: 2);
        emulator.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages", 502, times: 1);

        var message = await client.Rest.CreateMessageAsync(new Snowflake(channel.Id), new MessageCreate { Content = "posted once" });

        Assert.Equal("posted once", Assert.Single(emulator.Messages(channel.Id)).Content);
        Assert.Equal(2, emulator.Count429);
        Assert.Equal(message.Id.Value, emulator.Messages(channel.Id)[0].Id);
    }

    [Fact]
    public async Task RealClient_PostTooLong_RejectedBeforeReachingDiscord()
    {
        await using var emulator = await DiscordEmulatorServer.StartAsync();
        var channel = emulator.AddGuild("alpha").AddTextChannel("interview");
        await using var client = RealClientHarness.Start(emulator);

        await Assert.ThrowsAnyAsync<Exception>(() => client.Rest.CreateMessageAsync(new Snowflake(channel.Id), new MessageCreate { Content = new string('x', 2001) }));

        Assert.DoesNotContain(emulator.Requests, r => r.RouteKey == "POST /channels/{channel_id}/messages");
    }
}
