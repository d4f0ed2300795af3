using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Features.Reminders;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Reminders;

/// <summary>Practice reminders end to end: /settings, the member's zone, one DM a day, no retries after a 403.</summary>
public sealed class ReminderTests
{
    // 07:00 UTC on 1 July: 09:00 in Berlin, 03:00 in New York.
    private static readonly DateTimeOffset BerlinNine = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reminders_AtTheMembersLocalHour_AtMostOneDmADay_EvenAcrossServers()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");
        var bob = bot.Member("bob");
        var dave = bot.Member("dave");
        await EnableAsync(bot, bot.Guild.Id, alice.Id, 9, "Europe/Berlin");
        await EnableAsync(bot, 4242, alice.Id, 9, "Europe/Berlin");
        await EnableAsync(bot, bot.Guild.Id, bob.Id, 9, "America/New_York");
        await EnableAsync(bot, bot.Guild.Id, dave.Id, 9, "Europe/Berlin");
        await DueAsync(bot, bot.Guild.Id, alice.Id, 0);
        await DueAsync(bot, 4242, alice.Id, 1);
        await DueAsync(bot, bot.Guild.Id, bob.Id, 2);
        var reminders = bot.Service<ReminderService>();

        // dave has nothing due; bob's 09:00 is six hours later.
        Assert.Equal(1, await reminders.RunAsync(BerlinNine, CancellationToken.None));
        Assert.Equal(0, await reminders.RunAsync(BerlinNine.AddMinutes(15), CancellationToken.None));
        Assert.Equal(0, await reminders.RunAsync(BerlinNine.AddMinutes(45), CancellationToken.None));
        var dm = Assert.Single(alice.DirectMessages);
        Assert.Contains("**2** interview questions due", dm.Content, StringComparison.Ordinal);
        Assert.Contains("/practice next", dm.Content, StringComparison.Ordinal);
        Assert.Empty(bob.DirectMessages);
        Assert.Empty(dave.DirectMessages);

        Assert.Equal(1, await reminders.RunAsync(BerlinNine.AddHours(6), CancellationToken.None));
        Assert.Single(bob.DirectMessages);

        // The next local day, alice hears again; the due questions are still due.
        Assert.Equal(1, await reminders.RunAsync(BerlinNine.AddDays(1).AddMinutes(30), CancellationToken.None));
        Assert.Equal(2, alice.DirectMessages.Count);
    }

    [Fact]
    public async Task Reminders_DmRefusedWith403_MarksUndeliverable_AndNeverRetries()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var carol = bot.Member("carol");
        carol.User.AcceptsDirectMessages = false;
        await EnableAsync(bot, bot.Guild.Id, carol.Id, 9, "Europe/Berlin");
        await DueAsync(bot, bot.Guild.Id, carol.Id, 0);
        var reminders = bot.Service<ReminderService>();

        Assert.Equal(0, await reminders.RunAsync(BerlinNine, CancellationToken.None));
        var refused = bot.Discord.Requests.Count(r => r.Method == "POST" && r.Status == 403);
        Assert.Equal(1, refused);
        Assert.NotNull((await bot.Service<IReminderDeliveryStore>().GetAsync(carol.Id, CancellationToken.None))!.UndeliverableAt);

        await reminders.RunAsync(BerlinNine.AddMinutes(15), CancellationToken.None);
        await reminders.RunAsync(BerlinNine.AddDays(1), CancellationToken.None);
        await reminders.RunAsync(BerlinNine.AddDays(2), CancellationToken.None);
        Assert.Equal(refused, bot.Discord.Requests.Count(r => r.Method == "POST" && r.Status == 403));

        // Switching reminders on again tries once more.
        carol.User.AcceptsDirectMessages = true;
        var on = await carol.RunsCommandAsync("settings", ("reminders", "on"));
        await on.WaitForResponseAsync();
        Assert.Equal(1, await reminders.RunAsync(BerlinNine.AddDays(3), CancellationToken.None));
        Assert.Single(carol.DirectMessages);
    }

    [Fact]
    public async Task Settings_RemindersOnWithHourAndZone_AreStored_AndABadZoneChangesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var alice = bot.Member("alice");

        var on = await (await alice.RunsCommandAsync("settings", ("reminders", "on"), ("hour", 7L), ("timezone", "europe/berlin"))).WaitForResponseAsync();
        Assert.True(on.Ephemeral);
        Assert.Contains("Practice reminders are on", on.Content, StringComparison.Ordinal);
        Assert.Contains("07:00 Europe/Berlin", on.Content, StringComparison.Ordinal);
        var stored = await bot.Service<IMemberSettingsStore>().GetAsync(bot.Guild.Id, alice.Id, CancellationToken.None);
        Assert.True(stored.RemindersEnabled);
        Assert.Equal(7, stored.ReminderHour);
        Assert.Equal("Europe/Berlin", stored.TimeZone);

        var bad = await (await alice.RunsCommandAsync("settings", ("timezone", "Mars/Olympus"))).WaitForResponseAsync();
        Assert.Contains("not a known time zone", bad.Content, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", (await bot.Service<IMemberSettingsStore>().GetAsync(bot.Guild.Id, alice.Id, CancellationToken.None)).TimeZone);

        var zones = await alice.AutocompleteAsync("settings", "timezone", "Europe/Be");
        Assert.Contains(("Europe/Berlin", "Europe/Berlin"), (await zones.WaitForResponseAsync()).Choices);
    }

    private static Task<MemberSettings> EnableAsync(BotUnderTest bot, ulong guildId, ulong userId, int hour, string zone) =>
        bot.Service<IMemberSettingsStore>().UpdateAsync(guildId, userId, s => s with { RemindersEnabled = true, ReminderHour = hour, TimeZone = zone }, CancellationToken.None);

    private static Task DueAsync(BotUnderTest bot, ulong guildId, ulong userId, int question) =>
        bot.Service<ISpacedRepetitionStore>().SaveAsync(
            guildId,
            userId,
            bot.Service<QuestionBank>().Questions[question].Id,
            new RepetitionState(2.5, 1, 1, 0, BerlinNine.AddDays(-1), BerlinNine.AddDays(-2)),
            CancellationToken.None);
}
