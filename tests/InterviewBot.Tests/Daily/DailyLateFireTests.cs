using InterviewBot.Core.Scheduling;
using InterviewBot.Features.Daily;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Tests.Daily;

/// <summary>
/// Quartz reaching daily triggers late, as it does when thousands share a minute: the real scheduler on a controlled
/// clock that jumps past the fire time. Within a schedule's grace window the late fire still posts, once; past it Quartz
/// drops the fire and catch-up records the day as missed.
/// </summary>
public sealed class DailyLateFireTests
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The periodic sweep is pushed out of the test's reach, so every post below can only come from Quartz firing
    /// the trigger late; the emulator's global limit is lifted because the bot's clock runs faster than real time here.
    /// </summary>
    private static readonly Dictionary<string, string> NoSweep = new() { ["InterviewBot:Daily:SweepMinutes"] = "600" };

    [Fact]
    public async Task Daily_TwentySchedulesInOneMinute_QuartzThreeMinutesLate_EachPostsExactlyOnce()
    {
        const int count = 20;
        var time = new FakeTimeProvider(Nine.AddMinutes(-10));
        await using var bot = await BotUnderTest.StartAsync(time, o => o.RateLimits.GlobalLimit = 10_000, NoSweep);
        var schedules = await CreateAsync(bot, count, graceMinutes: 360);

        // Nothing ran the triggers at 09:00: Quartz first looks at them three minutes later, past its old
        // one-minute misfire threshold.
        time.SetUtcNow(Nine.AddMinutes(3));
        await WhileTimePassesAsync(time, () => bot.Discord.Threads.Count >= count);
        // A while longer on the clock: a second fire, a retry or a sweep would show up as a second message.
        await AdvanceAsync(time, TimeSpan.FromSeconds(30));

        var ledger = bot.Service<IDailyPostStore>();
        foreach (var (schedule, channel) in schedules)
        {
            var message = Assert.Single(Questions(bot, channel.Id));
            var post = await ledger.GetAsync(schedule.ScheduleId, DateOnly.FromDateTime(Nine.UtcDateTime), CancellationToken.None);
            Assert.NotNull(post);
            Assert.Equal(message.Id, post.MessageId);
            Assert.NotNull(post.ThreadId);
            // Quartz moved the trigger on to the next day: the late fire was taken, not dropped and caught up.
            Assert.Equal(Nine.AddDays(1), await bot.Service<DailyScheduler>().NextFireAsync(schedule.ScheduleId, CancellationToken.None));
        }

        Assert.Equal(count, bot.Discord.Threads.Count);
    }

    [Fact]
    public async Task Daily_QuartzLaterThanTheGraceWindow_DropsTheFire_CatchUpRecordsTheMissedDay()
    {
        var time = new FakeTimeProvider(Nine.AddMinutes(-10));
        await using var bot = await BotUnderTest.StartAsync(time, o => o.RateLimits.GlobalLimit = 10_000, NoSweep);
        var onTime = await CreateAsync(bot, 3, graceMinutes: 360);
        var tight = await CreateAsync(bot, 3, graceMinutes: 5);

        time.SetUtcNow(Nine.AddMinutes(8));
        var ledger = bot.Service<IDailyPostStore>();
        var today = DateOnly.FromDateTime(Nine.UtcDateTime);
        foreach (var (schedule, _) in onTime)
        {
            await WhileTimePassesAsync(time, async () => await ledger.GetAsync(schedule.ScheduleId, today, CancellationToken.None) is { IsComplete: true });
        }

        var scheduler = bot.Service<DailyScheduler>();
        foreach (var (schedule, _) in tight)
        {
            // Quartz applies the misfire rule (do nothing) and moves on to tomorrow without firing.
            await WhileTimePassesAsync(time, async () => await scheduler.NextFireAsync(schedule.ScheduleId, CancellationToken.None) == Nine.AddDays(1));
        }

        await bot.Service<DailyStartup>().SweepAsync(CancellationToken.None);

        foreach (var (schedule, channel) in tight)
        {
            Assert.Empty(Questions(bot, channel.Id));
            Assert.Equal(DailyPoster.MissedReason, (await ledger.GetAsync(schedule.ScheduleId, today, CancellationToken.None))?.SkippedReason);
        }

        foreach (var (schedule, channel) in onTime)
        {
            var message = Assert.Single(Questions(bot, channel.Id));
            Assert.Equal(message.Id, (await ledger.GetAsync(schedule.ScheduleId, today, CancellationToken.None))?.MessageId);
        }
    }

    [Fact]
    public async Task DailyQuestionJob_FirstFireOfAnInstant_QueuesEveryScheduleDueThen_AndNoOther()
    {
        var time = new FakeTimeProvider(Nine.AddMinutes(-10));
        await using var bot = await BotUnderTest.StartAsync(time, o => o.RateLimits.GlobalLimit = 10_000, NoSweep);
        var due = await CreateAsync(bot, 5, graceMinutes: 360);
        var later = await CreateAsync(bot, 1, graceMinutes: 360, at: new TimeOnly(9, 1));

        // Only the first schedule's trigger fires (the clock is before 09:00, so Quartz fires none of its own).
        await bot.Service<DailyQuestionJob>().FireAsync(due[0].Schedule.ScheduleId, Nine, CancellationToken.None);

        var ledger = bot.Service<IDailyPostStore>();
        var today = DateOnly.FromDateTime(Nine.UtcDateTime);
        foreach (var (schedule, channel) in due)
        {
            await WhileTimePassesAsync(time, async () => await ledger.GetAsync(schedule.ScheduleId, today, CancellationToken.None) is { IsComplete: true });
            Assert.Single(Questions(bot, channel.Id));
        }

        Assert.Empty(Questions(bot, later[0].Channel.Id));
        Assert.Null(await ledger.GetAsync(later[0].Schedule.ScheduleId, today, CancellationToken.None));
        // The other schedules' own trigger fires, when Quartz gets to them, will not queue them a second time.
        var worker = bot.Service<DailyPostWorker>();
        Assert.All(due.Skip(1), d => Assert.True(worker.WasQueuedWith(d.Schedule.ScheduleId, Nine)));
        Assert.False(worker.WasQueuedWith(later[0].Schedule.ScheduleId, Nine));
    }

    private static async Task<List<(DailySchedule Schedule, DiscordEmulator.State.EmulatedChannel Channel)>> CreateAsync(BotUnderTest bot, int count, int graceMinutes, TimeOnly? at = null)
    {
        var store = bot.Service<IDailyScheduleStore>();
        var scheduler = bot.Service<DailyScheduler>();
        var created = new List<(DailySchedule, DiscordEmulator.State.EmulatedChannel)>();
        for (var i = 0; i < count; i++)
        {
            var channel = bot.Guild.AddTextChannel($"daily-{graceMinutes}-{at?.Minute}-{i}");
            var schedule = (await store.TryCreateAsync(new DailySchedule
            {
                GuildId = bot.Guild.Id,
                Name = $"daily {graceMinutes} {at?.Minute} {i}",
                ChannelId = channel.Id,
                LocalTime = at ?? new TimeOnly(9, 0),
                TimeZone = "UTC",
                Weekdays = WeekdaySet.EveryDay,
                GraceMinutes = graceMinutes,
                CreatedAt = bot.Time.GetUtcNow(),
                UpdatedAt = bot.Time.GetUtcNow(),
            }, CancellationToken.None))!;
            await scheduler.ScheduleAsync(schedule, bot.Time.GetUtcNow(), CancellationToken.None);
            created.Add((schedule, channel));
        }

        return created;
    }

    private static IReadOnlyList<DiscordEmulator.State.EmulatedMessage> Questions(BotUnderTest bot, ulong channelId) =>
        DailyTestKit.Questions(bot, channelId);

    private static Task WhileTimePassesAsync(FakeTimeProvider time, Func<bool> done) =>
        WhileTimePassesAsync(time, () => Task.FromResult(done()));

    /// <summary>Moves the clock in small steps, as real time would, until <paramref name="done"/> (at most a minute of real time).</summary>
    private static async Task WhileTimePassesAsync(FakeTimeProvider time, Func<Task<bool>> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            await Task.Delay(10, cts.Token);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }
}
