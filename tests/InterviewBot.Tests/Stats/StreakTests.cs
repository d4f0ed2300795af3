using InterviewBot.Features.Stats;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Stats;

/// <summary>Streaks over scheduled daily questions, counted in the schedule's zone, with freezes and admin restores.</summary>
public sealed class StreakTests
{
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);
    private static readonly TimeSpan NewYorkSummer = TimeSpan.FromHours(-4);

    [Fact]
    public async Task Streak_AroundMidnightInTheSchedulesZone_TodayStaysOpenUntilLocalMidnight()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var schedule = await script.DailyScheduleAsync("America/New_York");
        var bob = bot.Member("bob").Id;
        for (var day = 10; day <= 12; day++)
        {
            var posted = new DateTimeOffset(2026, 2, day, 9, 0, 0, NewYorkWinter);
            var prompt = await script.DailyPromptAsync(schedule, new DateOnly(2026, 2, day), posted);
            if (day < 12)
            {
                await script.AnswerAsync(prompt, bob, posted.AddHours(1));
            }
        }

        var streaks = bot.Service<StreakService>();
        // 23:30 on the 12th in New York is already the 13th in UTC: the 12th's question is still open.
        var beforeMidnight = await streaks.ComputeAsync(bot.Guild.Id, bob, new DateTimeOffset(2026, 2, 12, 23, 30, 0, NewYorkWinter), CancellationToken.None);
        var afterMidnight = await streaks.ComputeAsync(bot.Guild.Id, bob, new DateTimeOffset(2026, 2, 13, 0, 30, 0, NewYorkWinter), CancellationToken.None);

        Assert.Equal((2, 2, 0), (beforeMidnight.Current, beforeMidnight.Best, beforeMidnight.FreezesUsed));
        // After local midnight the 12th is missed: the first miss in 14 days is a freeze, the streak survives.
        Assert.Equal((2, 2, 1), (afterMidnight.Current, afterMidnight.Best, afterMidnight.FreezesUsed));
    }

    [Fact]
    public async Task Streak_AcrossTheSpringDstChange_CountsEveryLocalDayOnce()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new ScriptedActivity(bot);
        var schedule = await script.DailyScheduleAsync("America/New_York");
        var bob = bot.Member("bob").Id;
        // New York moves to summer time on 2026-03-08: the post at 09:00 is 14:00 UTC before and 13:00 UTC after.
        for (var day = 6; day <= 10; day++)
        {
            var posted = new DateTimeOffset(2026, 3, day, 9, 0, 0, day < 8 ? NewYorkWinter : NewYorkSummer);
            var prompt = await script.DailyPromptAsync(schedule, new DateOnly(2026, 3, day), posted);
            // Answered late in the local evening: after midnight UTC, still the same local day.
            await script.AnswerAsync(prompt, bob, posted.AddHours(14));
        }

        var streak = await bot.Service<StreakService>().ComputeAsync(bot.Guild.Id, bob, new DateTimeOffset(2026, 3, 10, 23, 59, 0, NewYorkSummer), CancellationToken.None);

        Assert.Equal((5, 5, 0), (streak.Current, streak.Best, streak.FreezesUsed));
    }

    [Fact]
    public async Task Streak_SecondMissWithinFourteenDays_Breaks_AndAdminRestoreMendsIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var admin = bot.Guild.AddMember("owner", DiscordEmulator.Permissions.ManageGuild);
        var script = new ScriptedActivity(bot);
        var schedule = await script.DailyScheduleAsync("Etc/UTC");
        var bob = bot.Member("bob");
        var today = DateOnly.FromDateTime(bot.Time.GetUtcNow().UtcDateTime);
        // Six days ago … yesterday: answered, answered, missed, missed (an outage), answered, answered.
        int[] answered = [-6, -5, -2, -1];
        for (var offset = -6; offset <= -1; offset++)
        {
            var date = today.AddDays(offset);
            var prompt = await script.DailyPromptAsync(schedule, date, new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            if (answered.Contains(offset))
            {
                await script.AnswerAsync(prompt, bob.Id, prompt.PostedAt.AddHours(1));
            }
        }

        var before = await bot.Service<StreakService>().ComputeAsync(bot.Guild.Id, bob.Id, bot.Time.GetUtcNow(), CancellationToken.None);
        // The first miss is a freeze, the second within 14 days breaks the run.
        Assert.Equal((2, 2, 1), (before.Current, before.Best, before.FreezesUsed));

        // Discord hides the command from members without Manage Server (DefaultMemberPermissions).
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Member("carol").RunsCommandAsync("admin streak restore", ("member", bob)));

        var restore = await admin.RunsCommandAsync("admin streak restore", ("member", bob));
        var reply = await restore.WaitForResponseAsync();
        Assert.True(reply.Ephemeral);
        Assert.Contains($"Restored {today.AddDays(-4):yyyy-MM-dd}, {today.AddDays(-3):yyyy-MM-dd}", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Streak now 6", reply.Content, StringComparison.Ordinal);
        Assert.Equal([today.AddDays(-4), today.AddDays(-3)], await bot.Service<IStreakRestoreStore>().ListAsync(bot.Guild.Id, bob.Id, CancellationToken.None));

        var again = await (await admin.RunsCommandAsync("admin streak restore", ("member", bob))).WaitForResponseAsync();
        Assert.Contains("nothing to restore", again.Content, StringComparison.Ordinal);

        var stats = await bob.RunsCommandAsync("stats");
        var shown = await stats.WaitForMessageAsync(m => m.EmbedText.Length > 0);
        Assert.Contains("6 current · 6 best", shown.EmbedText, StringComparison.Ordinal);
    }
}
