using InterviewBot.Features.Daily;
using InterviewBot.Storage;
using InterviewBot.Tests.EndToEnd;
using Microsoft.Extensions.Time.Testing;
using static InterviewBot.Tests.Daily.DailyTestKit;

namespace InterviewBot.Tests.Daily;

/// <summary>
/// Daily posts on a controlled clock: the fire goes through <see cref="DailyPoster"/> (the code the Quartz job's worker
/// runs) with the fire instant, and start-up catch-up runs on restart; the Quartz trigger's own fire times are proved by
/// <see cref="DailyTriggerTests"/> and QuartzDstAgreementTests.
/// </summary>
public sealed class DailyPostingTests
{
    [Fact]
    public async Task Daily_AtTheFireTime_PostsQuestionWithThreadAndRevealTrigger_PingingOnlyTheRole()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var role = bot.Guild.AddRole("interviewees", DiscordEmulator.Permissions.None);
        var schedule = await SetupAsync(bot, more: [("ping_role", role), ("reveal_after", "8h")]);
        time.SetUtcNow(NineBerlin);

        var result = await WhileTimePassesAsync(time, bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));

        // Moving the clock to 09:00 also wakes the periodic sweep, whose catch-up may post first: either way, once.
        Assert.Contains(result.Outcome, new[] { DailyPostOutcome.Posted, DailyPostOutcome.AlreadyPosted });
        var message = Assert.Single(Questions(bot, bot.Channel.Id));
        var thread = Assert.Single(bot.Discord.Threads);
        Assert.Equal(message.Id, thread.Id);
        Assert.Equal([role.Id], message.PingedRoleIds);
        Assert.Empty(message.PingedUserIds);
        Assert.False(message.PingedEveryone);
        Assert.Equal(["prompt:private", "prompt:hint", "prompt:reveal"], message.CustomIds);
        var prompt = (await bot.Service<IPromptStore>().FindByMessageAsync(message.Id, CancellationToken.None))!;
        Assert.Equal(PromptSource.Daily, prompt.Source);
        Assert.Equal(new DateOnly(2026, 1, 15), prompt.LocalDate);
        Assert.Equal(NineBerlin.AddHours(8), prompt.RevealAt);
        Assert.Equal(thread.Id, prompt.ThreadId);
        var post = (await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!;
        Assert.True(post.IsComplete);
        Assert.Equal(message.Id, post.MessageId);
        Assert.Equal(thread.Id, post.ThreadId);
        // The periodic sweep may race this fire for the same day; whichever sends, every send carries the day's nonce,
        // so Discord keeps one message (asserted above).
        var sends = bot.Discord.Requests.Where(r => r.RouteKey == "POST /channels/{channel_id}/messages" && r.Path.Contains(bot.Channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sends);
        Assert.All(sends, send => Assert.Equal(DailySchedules.Nonce(schedule.ScheduleId, new DateOnly(2026, 1, 15)), send.Body?["nonce"]?.ToString()));
        Assert.All(sends, send => Assert.Equal("true", send.Body?["enforce_nonce"]?.ToString()));
    }

    [Fact]
    public async Task Daily_FiredAgainTheSameDay_RetryOrMisfire_PostsNothingMore()
    {
        var time = new FakeTimeProvider(NineBerlin);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);
        var poster = bot.Service<DailyPoster>();
        await WhileTimePassesAsync(time, poster.FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));

        var again = await WhileTimePassesAsync(time, Task.WhenAll(
            poster.FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None),
            poster.FireAsync(schedule.ScheduleId, NineBerlin.AddMinutes(1), DailyFireKind.CatchUp, CancellationToken.None)));

        Assert.All(again, r => Assert.Equal(DailyPostOutcome.AlreadyPosted, r.Outcome));
        Assert.Single(Questions(bot, bot.Channel.Id));
        Assert.Single(bot.Discord.Threads);
    }

    [Fact]
    public async Task DailyNow_ThenTheScheduledTime_OnePost()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);

        var now = await RunAsync(bot, Admin(bot), "daily now");
        time.SetUtcNow(NineBerlin);
        var scheduled = await WhileTimePassesAsync(time, bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));

        Assert.Contains("Posted today's question", now, StringComparison.Ordinal);
        Assert.Equal(DailyPostOutcome.AlreadyPosted, scheduled.Outcome);
        Assert.Single(Questions(bot, bot.Channel.Id));
        Assert.Single(bot.Discord.Threads);
    }

    [Fact]
    public async Task DailyPauseAndSkip_ScheduledFiresAreSkippedAndRecorded_ResumePostsAgain()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);
        var poster = bot.Service<DailyPoster>();

        await RunAsync(bot, Admin(bot), "daily skip");
        time.SetUtcNow(NineBerlin);
        var skipped = await WhileTimePassesAsync(time, poster.FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));
        await RunAsync(bot, Admin(bot), "daily pause");
        time.SetUtcNow(NineBerlin.AddDays(1));
        var paused = await WhileTimePassesAsync(time, poster.FireAsync(schedule.ScheduleId, NineBerlin.AddDays(1), DailyFireKind.Scheduled, CancellationToken.None));
        await RunAsync(bot, Admin(bot), "daily resume");
        time.SetUtcNow(NineBerlin.AddDays(4));
        var posted = await WhileTimePassesAsync(time, poster.FireAsync(schedule.ScheduleId, NineBerlin.AddDays(4), DailyFireKind.Scheduled, CancellationToken.None));

        Assert.Equal((DailyPostOutcome.Skipped, DailyPoster.SkipNextReason), (skipped.Outcome, skipped.Reason));
        Assert.Equal((DailyPostOutcome.Skipped, DailyPoster.PausedReason), (paused.Outcome, paused.Reason));
        // Posted by this fire, or a moment earlier by the periodic sweep's catch-up: either way, once.
        Assert.Contains(posted.Outcome, new[] { DailyPostOutcome.Posted, DailyPostOutcome.AlreadyPosted });
        Assert.Single(Questions(bot, bot.Channel.Id));
        Assert.False((await bot.Service<IDailyScheduleStore>().GetAsync(schedule.ScheduleId, CancellationToken.None))!.SkipNext);
    }

    [Fact]
    public async Task Daily_BotDownOverTheFireTime_RestartedInsideGrace_PostsOnce_AndAgainAfterAnotherRestart()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);

        time.SetUtcNow(NineBerlin.AddHours(2));
        await bot.RestartAsync();
        await bot.Service<DailyStartup>().Completion;
        await bot.RestartAsync();
        await bot.Service<DailyStartup>().Completion;

        var message = Assert.Single(Questions(bot, bot.Channel.Id));
        Assert.Single(bot.Discord.Threads);
        var post = (await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!;
        Assert.True(post.IsComplete);
        Assert.Equal(message.Id, post.MessageId);
    }

    [Fact]
    public async Task Daily_BotDownOverTheFireTime_RestartedOutsideGrace_NoPost_SkipRecordedAndShownInStatus()
    {
        var time = new FakeTimeProvider(ThursdayMorning);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);

        time.SetUtcNow(NineBerlin.AddHours(6).AddMinutes(1));
        await bot.RestartAsync();
        await bot.Service<DailyStartup>().Completion;
        await bot.RestartAsync();
        await bot.Service<DailyStartup>().Completion;
        var status = await RunAsync(bot, Admin(bot), "daily status");

        Assert.Empty(Questions(bot, bot.Channel.Id));
        var post = (await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!;
        Assert.Equal(DailyPoster.MissedReason, post.SkippedReason);
        Assert.Contains($"Skipped 2026-01-15: {DailyPoster.MissedReason}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_CrashBetweenMessageAndThread_RestartCompletesTheSamePost()
    {
        var time = new FakeTimeProvider(NineBerlin);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var schedule = await SetupAsync(bot);
        // The process "dies" after the message is sent: thread creation fails, so the post stops half done.
        bot.Discord.Faults.FailRequests(r => r.RouteKey == "POST /channels/{channel_id}/messages/{message_id}/threads", 403);

        await Assert.ThrowsAnyAsync<Exception>(() => bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));
        var halfDone = (await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!;
        Assert.NotNull(halfDone.MessageId);
        Assert.Null(halfDone.ThreadId);
        Assert.Empty(bot.Discord.Threads);

        bot.Discord.Faults.ClearRequestFaults();
        time.Advance(TimeSpan.FromMinutes(2));
        await bot.RestartAsync();
        await bot.Service<DailyStartup>().Completion;

        var message = Assert.Single(Questions(bot, bot.Channel.Id));
        Assert.Equal(halfDone.MessageId, message.Id);
        var thread = Assert.Single(bot.Discord.Threads);
        Assert.Equal(message.Id, thread.Id);
        var post = (await bot.Service<IDailyPostStore>().GetAsync(schedule.ScheduleId, new DateOnly(2026, 1, 15), CancellationToken.None))!;
        Assert.True(post.IsComplete);
        Assert.Equal(thread.Id, post.ThreadId);
    }

    [Fact]
    public async Task Daily_RunningLow_PostsANoteInTheLogChannel()
    {
        var time = new FakeTimeProvider(NineBerlin);
        await using var bot = await BotUnderTest.StartAsync(time: time);
        var log = bot.Guild.AddTextChannel("bot-log");
        await RunAsync(bot, Admin(bot), "config log_channel", ("channel", log));
        // ci-cd + hard is a small pool, so the very first post leaves fewer than 7 unused.
        var schedule = await SetupAsync(bot, more: [("categories", "ci-cd"), ("difficulty", "hard")]);

        await WhileTimePassesAsync(time, bot.Service<DailyPoster>().FireAsync(schedule.ScheduleId, NineBerlin, DailyFireKind.Scheduled, CancellationToken.None));

        var note = Assert.Single(bot.Discord.Messages(log.Id), m => m.Author.IsBot);
        Assert.Contains("running low", note.Content, StringComparison.Ordinal);
        Assert.Single(Questions(bot, bot.Channel.Id));
    }
}
