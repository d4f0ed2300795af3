using System.Text.RegularExpressions;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.Time.Testing;
using static InterviewBot.Tests.Daily.DailyTestKit;

namespace InterviewBot.Tests.Daily;

/// <summary>/daily setup, status and the schedule controls, end to end against the emulator.</summary>
public sealed partial class DailyCommandTests
{
    [Fact]
    public async Task DailySetup_ByAdmin_SavesTheSchedule_AndStatusShowsFiveLocalTimestampsAndTheZone()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));

        var schedule = await SetupAsync(bot, "09:00", "europe/berlin", ("weekdays", "mon-fri"), ("reveal_after", "8h"));
        var status = await RunAsync(bot, Admin(bot), "daily status");

        Assert.Equal("Europe/Berlin", schedule.TimeZone);
        Assert.Equal(8 * 60, schedule.RevealAfterMinutes);
        Assert.Equal("mon-fri", schedule.Weekdays.ToString());
        var stamps = Stamps().Matches(status).Select(m => DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // Thu 15, Fri 16, then Mon 19, Tue 20, Wed 21 January at 08:00 UTC (09:00 CET); the weekend is skipped.
        Assert.Equal([15, 16, 19, 20, 21], stamps.Select(s => s.Day));
        Assert.All(stamps, s => Assert.Equal(8, s.UtcDateTime.Hour));
        Assert.Contains("Europe/Berlin", status, StringComparison.Ordinal);
        var command = Assert.Single(bot.Discord.Commands, c => c.Name == "daily");
        Assert.Equal("32", command.Definition["default_member_permissions"]?.ToString());
    }

    [Fact]
    public async Task DailySetup_SameNameAgain_ChangesTheScheduleAndItsTrigger()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));
        var first = await SetupAsync(bot, "09:00", "Europe/Berlin");

        var changed = await SetupAsync(bot, "09:00", "Asia/Kolkata");

        Assert.Equal(first.ScheduleId, changed.ScheduleId);
        var quartz = await bot.Service<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<Quartz.ICronTrigger>(await quartz.GetTrigger(Features.Daily.DailyScheduler.TriggerKey(changed.ScheduleId)));
        Assert.Equal("Asia/Kolkata", trigger.TimeZone.Id);
        Assert.Equal("0 0 9 ? * *", trigger.CronExpressionString);
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 3, 30, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(ThursdayMorning));
    }

    [Fact]
    public async Task DailySetup_SeveralNamedSchedules_StatusListsEach_AndControlsNeedAName()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));
        await SetupAsync(bot, "09:00", "Europe/Berlin", ("name", "daily backend"));
        await SetupAsync(bot, "10:00", "Europe/Berlin", ("name", "weekly system design"), ("weekdays", "mon"), ("categories", "system-design"));

        var status = await RunAsync(bot, Admin(bot), "daily status");
        var ambiguous = await RunAsync(bot, Admin(bot), "daily pause");
        var paused = await RunAsync(bot, Admin(bot), "daily pause", ("name", "weekly system design"));

        Assert.Contains("**daily backend**", status, StringComparison.Ordinal);
        Assert.Contains("**weekly system design**", status, StringComparison.Ordinal);
        Assert.Equal(10, Stamps().Count(status));
        Assert.Contains("add `name`", ambiguous, StringComparison.Ordinal);
        Assert.Contains("Paused **weekly system design**", paused, StringComparison.Ordinal);
        Assert.True((await bot.Service<IDailyScheduleStore>().FindByNameAsync(bot.Guild.Id, "weekly system design", CancellationToken.None))!.Paused);
    }

    [Fact]
    public async Task DailySetup_InvalidInput_SaysWhatIsWrongAndWhatIsAccepted_AndSavesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));

        var reply = await RunAsync(bot, Admin(bot), "daily setup",
            ("channel", bot.Channel), ("time", "9am"), ("timezone", "Mars/Olympus"), ("weekdays", "funday"), ("reveal_after", "forever"), ("categories", "cooking"));

        Assert.Contains("Nothing was saved", reply, StringComparison.Ordinal);
        Assert.Contains("HH:mm", reply, StringComparison.Ordinal);
        Assert.Contains("IANA time zone", reply, StringComparison.Ordinal);
        Assert.Contains("mon-fri", reply, StringComparison.Ordinal);
        Assert.Contains("24h", reply, StringComparison.Ordinal);
        Assert.Contains("'cooking' is not a category", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.Service<IDailyScheduleStore>().ListForGuildAsync(bot.Guild.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DailySetup_NonAdmin_IsRefused()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));

        // Discord hides the command from members without Manage Server (default_member_permissions)...
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Member("mod").RunsCommandAsync("daily setup", ("channel", bot.Channel), ("time", "09:00"), ("timezone", "UTC")));
        // ...but a server admin can override that in Integrations settings, so the bot checks again itself.
        bot.Discord.Commands.Single(c => c.Name == "daily").Definition.Remove("default_member_permissions");
        var setup = await RunAsync(bot, bot.Member("mod"), "daily setup", ("channel", bot.Channel), ("time", "09:00"), ("timezone", "UTC"));
        var now = await RunAsync(bot, bot.Member("alice"), "daily now");

        Assert.Contains("Manage Server", setup, StringComparison.Ordinal);
        Assert.Contains("Manage Server", now, StringComparison.Ordinal);
        Assert.Empty(await bot.Service<IDailyScheduleStore>().ListForGuildAsync(bot.Guild.Id, CancellationToken.None));
        Assert.Empty(Questions(bot, bot.Channel.Id));
    }

    [Fact]
    public async Task DailySetup_BotLacksChannelPermissions_ListsTheMissingOnes_AndSavesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));
        bot.Channel.DenyBot(DiscordEmulator.Permissions.EmbedLinks | DiscordEmulator.Permissions.CreatePublicThreads);

        var reply = await RunAsync(bot, Admin(bot), "daily setup", ("channel", bot.Channel), ("time", "09:00"), ("timezone", "UTC"));

        Assert.Contains("**Embed Links**", reply, StringComparison.Ordinal);
        Assert.Contains("**Create Public Threads**", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Send Messages**", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.Service<IDailyScheduleStore>().ListForGuildAsync(bot.Guild.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DailyTimezone_Autocomplete_OffersMatchingIanaZones()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));

        var handle = await Admin(bot).AutocompleteAsync("daily setup", "timezone", "berl");
        var response = await handle.WaitForResponseAsync();

        Assert.Contains(response.Choices, c => c.Value == "Europe/Berlin");
    }

    [Fact]
    public async Task DailyRemove_DeletesTheScheduleAndItsTrigger()
    {
        await using var bot = await BotUnderTest.StartAsync(time: new FakeTimeProvider(ThursdayMorning));
        var schedule = await SetupAsync(bot);

        var reply = await RunAsync(bot, Admin(bot), "daily remove", ("name", "daily"));

        Assert.Contains("Removed schedule **daily**", reply, StringComparison.Ordinal);
        Assert.Null(await bot.Service<Features.Daily.DailyScheduler>().NextFireAsync(schedule.ScheduleId, CancellationToken.None));
        Assert.Empty(await bot.Service<IDailyScheduleStore>().ListForGuildAsync(bot.Guild.Id, CancellationToken.None));
    }

    [GeneratedRegex(@"<t:(\d+):F>")]
    private static partial Regex Stamps();
}
