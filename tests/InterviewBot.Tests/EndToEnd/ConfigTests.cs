using InterviewBot.Storage;

namespace InterviewBot.Tests.EndToEnd;

/// <summary>The per-server settings of practice in chat: blind mode and the reveal delay, set from Discord.</summary>
public sealed class ConfigTests
{
    [Fact]
    public async Task Config_BlindModeAndRevealAfter_ChangeTheNextAsk_AndNeedManageServer()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var admin = bot.Guild.AddMember("admin", DiscordEmulator.Permissions.ManageGuild);

        // default_member_permissions: Discord does not even offer /config to a member without Manage Server.
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Member("alice").RunsCommandAsync("config blind_mode", ("enabled", true)));
        var bad = await (await admin.RunsCommandAsync("config reveal_after", ("delay", "forever"))).WaitForResponseAsync();
        Assert.True(bad.Ephemeral);
        Assert.False(string.IsNullOrEmpty(bad.Content));

        await (await admin.RunsCommandAsync("config blind_mode", ("enabled", true))).WaitForResponseAsync();
        var delay = await (await admin.RunsCommandAsync("config reveal_after", ("delay", "8h"))).WaitForResponseAsync();
        Assert.Contains("8h", delay.Content, StringComparison.Ordinal);

        var (_, message, thread) = await RevealTests.AskAsync(bot, "bob");
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        Assert.Equal(TimeSpan.FromHours(8), prompt.RevealAt - prompt.PostedAt);
        Assert.True(bot.Discord.Threads.Single(t => t.Id == thread.Id).Locked);
        var settings = await bot.Service<IGuildSettingsStore>().GetAsync(bot.Guild.Id, CancellationToken.None);
        Assert.True(settings.BlindMode);
    }
}
