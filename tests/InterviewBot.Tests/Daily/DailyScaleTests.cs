using System.Diagnostics;
using InterviewBot.Core.Scheduling;
using InterviewBot.Features.Daily;
using InterviewBot.Hosting;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Xunit.Abstractions;
using static InterviewBot.Tests.Daily.DailyTestKit;

namespace InterviewBot.Tests.Daily;

/// <summary>Two instances on one database, and many schedules sharing a minute.</summary>
public sealed class DailyScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Daily_TwoHostInstancesOnTheSameDatabase_OnePost()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);
        using var second = BotHost.Build(
            [
                $"--InterviewBot:Discord:Token={bot.Discord.BotToken}",
                $"--InterviewBot:Discord:ApiBaseUrl={bot.Discord.ApiBaseUrl}",
                $"--InterviewBot:DataDirectory={bot.DataDirectory}",
                "--Logging:LogLevel:Default=Warning",
            ],
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
            });
        await second.StartAsync();
        try
        {
            await second.Services.GetRequiredService<DailyStartup>().Completion;
            time.SetUtcNow(NineBerlin);

            var results = await WhileTimePassesAsync(time, Task.WhenAll(
                bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None),
                second.Services.GetRequiredService<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None)));

            // One of them posts, or the periodic sweep of either host's catch-up got there first when the clock moved.
            Assert.All(results, r => Assert.Contains(r.Outcome, new[] { DailyPostOutcome.Posted, DailyPostOutcome.AlreadyPosted }));
            Assert.Single(Questions(bot, bot.Channel.Id));
            Assert.Single(bot.Discord.Threads);
            Assert.True((await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!.IsComplete);
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task Daily_FiftySchedulesAtTheSameMinute_EveryPostMade_WithZero429s()
    {
        const int count = 50;
        await using var bot = await BotUnderTest.StartAsync();
        var store = bot.Service<IDailyScheduleStore>();
        var scheduler = bot.Service<DailyScheduler>();
        var channels = new List<DiscordEmulator.State.EmulatedChannel>();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var channel = bot.Guild.AddTextChannel($"daily-{i}");
            channels.Add(channel);
            var schedule = (await store.TryCreateAsync(new DailySchedule
            {
                GuildId = bot.Guild.Id,
                Name = $"daily {i}",
                ChannelId = channel.Id,
                LocalTime = new TimeOnly(9, 0),
                TimeZone = "UTC",
                Weekdays = WeekdaySet.EveryDay,
            }, CancellationToken.None))!;
            await scheduler.ScheduleAsync(schedule, bot.Time.GetUtcNow(), CancellationToken.None);
            ids.Add(schedule.ScheduleId);
        }

        var quartz = await bot.Service<ISchedulerFactory>().GetScheduler();
        var requestsBefore = bot.Discord.RequestsTotal;
        var started = Stopwatch.GetTimestamp();
        // Every trigger fires in the same instant, through Quartz, the job and the paced worker.
        foreach (var id in ids)
        {
            await quartz.TriggerJob(DailyScheduler.JobKey(id));
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (bot.Discord.Threads.Count < count)
        {
            await Task.Delay(50, cts.Token);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{count} posts in {elapsed.TotalSeconds:F1} s, {bot.Discord.RequestsTotal - requestsBefore} REST requests, {bot.Discord.Count429} 429s");
        Assert.Equal(0, bot.Discord.Count429);
        Assert.All(channels, c => Assert.Single(Questions(bot, c.Id)));
        var ledger = bot.Service<IDailyPostStore>();
        var today = DateOnly.FromDateTime(bot.Time.GetUtcNow().UtcDateTime);
        foreach (var id in ids)
        {
            var post = await ledger.GetAsync(id, today, CancellationToken.None);
            while (post is not { IsComplete: true })
            {
                await Task.Delay(50, cts.Token);
                post = await ledger.GetAsync(id, today, CancellationToken.None);
            }
        }
    }
}
