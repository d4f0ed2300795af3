namespace InterviewBot.Tests.EndToEnd;

/// <summary>Slow work after a deferral must not hold up the acknowledgement of the interactions behind it.</summary>
public sealed class InteractionBackpressureTests
{
    [Fact]
    public async Task Ask_PostingHangs_AHundredAsksInARow_AreAllStillAcknowledged()
    {
        await using var bot = await BotUnderTest.StartAsync();
        // Every question post hangs, so each /ask stays busy after its deferral; more of them than the bot runs
        // slow work at once (64) still each get their deferral.
        bot.Discord.Faults.HangRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages");
        var alice = bot.Member("alice");

        var asks = new List<DiscordEmulator.Scripting.InteractionHandle>();
        for (var i = 0; i < 100; i++)
        {
            asks.Add(await alice.RunsCommandAsync("ask"));
        }

        var responses = await Task.WhenAll(asks.Select(a => a.WaitForResponseAsync(TimeSpan.FromSeconds(30))));
        Assert.All(responses, r => Assert.Equal(5, r.Type));
    }
}
