using InterviewBot.Discord.Gateway;

namespace InterviewBot.Discord.Tests.Integration;

public sealed class GatewayAgainstEmulatorTests
{
    [Fact]
    public async Task Connect_IdentifiesAndReceivesGuildCreateWithChannels()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var ready = await harness.ConnectAsync();
        var guild = await harness.NextAsync<GuildCreateEvent>();

        Assert.Equal(harness.Emulator.ApplicationId, ready.ApplicationId?.Value);
        Assert.Equal("alpha", guild.Guild.Name);
        Assert.Contains(guild.Guild.Channels!, c => c.Name == "interview");
        Assert.Equal(GatewayState.Ready, harness.Gateway.State);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task MemberPosts_BotReceivesMessageWithContent()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();

        var posted = await harness.Alice.PostsAsync(harness.Channel.Id, "A hash index cannot serve range scans.");
        var received = await harness.NextAsync<MessageCreateEvent>();

        Assert.Equal(posted.Id, received.Message.Id.Value);
        Assert.Equal("A hash index cannot serve range scans.", received.Message.Content);
        Assert.Equal(harness.Alice.Id, received.Message.Author.Id.Value);
        Assert.Equal(harness.Guild.Id, received.Message.GuildId?.Value);
    }

    [Fact]
    public async Task HeartbeatsAreAcked_HealthSeesRecentAck()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();

        for (var i = 0; i < 400 && harness.Gateway.LastHeartbeatAck is null; i++)
        {
            await Task.Delay(25);
        }

        Assert.NotNull(harness.Gateway.LastHeartbeatAck);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task DroppedConnection_ResumesAndReplaysMissedMessages()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();

        harness.Emulator.Faults.DropConnections();
        await harness.Alice.PostsAsync(harness.Channel.Id, "posted while the bot was away");
        var seen = await harness.CollectUntilAllAsync(
            e => e is ResumedEvent,
            e => e is MessageCreateEvent { Message.Content: "posted while the bot was away" });

        Assert.Single(seen.OfType<MessageCreateEvent>(), m => m.Message.Content == "posted while the bot was away");
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task ServerRequestsReconnect_ClientResumes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();

        harness.Emulator.Faults.SendReconnect();
        await harness.NextAsync<ResumedEvent>();
        await harness.Alice.PostsAsync(harness.Channel.Id, "after resume");
        await harness.NextAsync<MessageCreateEvent>(m => m.Message.Content == "after resume");

        Assert.Equal(1, harness.Emulator.IdentifyCount);
        Assert.Empty(harness.Emulator.Violations);
    }

    [Fact]
    public async Task InvalidSessionNotResumable_ClientIdentifiesAgain()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.ConnectAsync();

        harness.Emulator.Faults.SendInvalidSession(resumable: false);
        await harness.NextAsync<ReadyEvent>();

        Assert.Equal(2, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task MessageContentIntentNotEnabled_StopsWithPortalInstructions()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.AllowedPrivilegedIntents = 0);

        var run = harness.Gateway.RunAsync(CancellationToken.None);
        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => run.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(4014, ex.CloseCode);
        Assert.Contains("Message Content privileged intent in the Developer Portal", ex.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayState.Stopped, harness.Gateway.State);

        // Stopped for good: no connection left open or reopened against a close code that retrying cannot fix.
        for (var i = 0; i < 100 && harness.Emulator.ConnectionCount > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, harness.Emulator.ConnectionCount);
        Assert.Equal(0, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task WrongToken_StopsWithTokenError()
    {
        await using var harness = await EmulatorHarness.StartAsync(configureClient: o => o.Token = "not-the-token");

        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Gateway.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", ex.Message, StringComparison.Ordinal);
    }
}
