using System.Collections.Concurrent;
using System.Globalization;
using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Ask;
using InterviewBot.Features.Questions;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Daily;

/// <summary>
/// Posts one schedule's question for one local date exactly once. The ledger row (schedule, local date) is claimed
/// with the chosen question before any Discord call, the message is recorded (creating the prompt) right after it is
/// sent, then the thread, then completion. Any caller (the trigger, a retry, start-up catch-up, a second instance,
/// <c>/daily now</c>) that finds the row either stops (complete) or resumes from the first missing step (half done); the
/// message carries a nonce with <c>enforce_nonce</c>, so even a resend after a crash between send and record returns
/// the first message instead of posting a second.
/// </summary>
public sealed partial class DailyPoster(
    IDailyScheduleStore schedules,
    IDailyPostStore ledger,
    IPromptStore prompts,
    IGuildSettingsStore settings,
    IQuestionUsageStore usage,
    QuestionCatalog catalog,
    QuestionSelector selector,
    PromptPublisher publisher,
    DailyPostPacer pacer,
    BotMetrics metrics,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<DailyPoster> logger)
{
    /// <summary>Fewer unused questions than this and the post comes with a "running low" note for admins.</summary>
    public const int RunningLowThreshold = 7;

    public const string PausedReason = "paused";
    public const string SkipNextReason = "skipped with /daily skip";
    public const string NoQuestionReason = "no eligible question";
    public const string MissedReason = "missed: the bot was offline past the grace window";

    private readonly ConcurrentDictionary<(long ScheduleId, DateOnly LocalDate), Task> _inFlight = new();

    /// <summary>Posts (or finishes) the question of the local date containing <paramref name="scheduledAt"/>.</summary>
    public async Task<DailyPostResult> FireAsync(long scheduleId, DateTimeOffset scheduledAt, DailyFireKind kind, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(scheduleId, cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            return new DailyPostResult(DailyPostOutcome.ScheduleGone, null);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["GuildId"] = schedule.GuildId.ToString(CultureInfo.InvariantCulture),
            ["ChannelId"] = schedule.ChannelId.ToString(CultureInfo.InvariantCulture),
            ["ScheduleId"] = scheduleId,
        });
        var localDate = DailySchedules.Rule(schedule).LocalDateOf(scheduledAt);
        return await OneAtATimeAsync(scheduleId, localDate, () => FireOnceAsync(schedule, localDate, kind, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes a claimed but incomplete post (after a crash or a failed Discord call).</summary>
    public async Task<DailyPostResult> ResumeAsync(DailyPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var schedule = await schedules.GetAsync(post.ScheduleId, cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            return new DailyPostResult(DailyPostOutcome.ScheduleGone, post);
        }

        return await OneAtATimeAsync(post.ScheduleId, post.LocalDate, async () =>
        {
            // Another caller in this process may have finished it while this one waited.
            var current = await ledger.GetAsync(post.ScheduleId, post.LocalDate, cancellationToken).ConfigureAwait(false) ?? post;
            return await ContinueAsync(schedule, current, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a day as skipped without posting (start-up: missed beyond the grace window).</summary>
    public Task<DailyPostResult> SkipAsync(DailySchedule schedule, DateOnly localDate, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return OneAtATimeAsync(schedule.ScheduleId, localDate, () => SkipAsync(schedule, localDate, reason, consumeSkipNext: false, cancellationToken), cancellationToken);
    }

    private async Task<DailyPostResult> FireOnceAsync(DailySchedule schedule, DateOnly localDate, DailyFireKind kind, CancellationToken cancellationToken)
    {
        var scheduleId = schedule.ScheduleId;
        var existing = await ledger.GetAsync(scheduleId, localDate, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return await ContinueAsync(schedule, existing, cancellationToken).ConfigureAwait(false);
        }

        if (kind != DailyFireKind.Now && (schedule.Paused || schedule.SkipNext))
        {
            var reason = schedule.Paused ? PausedReason : SkipNextReason;
            return await SkipAsync(schedule, localDate, reason, consumeSkipNext: !schedule.Paused, cancellationToken).ConfigureAwait(false);
        }

        var selection = await ChooseAsync(schedule, cancellationToken).ConfigureAwait(false);
        if (selection is null)
        {
            return await SkipAsync(schedule, localDate, NoQuestionReason, consumeSkipNext: false, cancellationToken).ConfigureAwait(false);
        }

        var claim = await ledger.ClaimAsync(scheduleId, localDate, schedule.GuildId, schedule.ChannelId, selection.Question.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!claim.IsNew)
        {
            // Someone else (another instance, /daily now, a retry) claimed the day first.
            return await ContinueAsync(schedule, claim.Post, cancellationToken).ConfigureAwait(false);
        }

        var result = await CompleteAsync(schedule, claim.Post, selection.Question, cancellationToken).ConfigureAwait(false);
        if (selection.UnusedAfter < RunningLowThreshold)
        {
            await WarnRunningLowAsync(schedule, selection.UnusedAfter, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for one schedule's local date while no other caller in this process does: the
    /// trigger's fire, start-up catch-up, the sweep and <c>/daily now</c> can meet on the same post (a restart inside the
    /// grace window wakes both Quartz and catch-up), and the ledger alone would let the loser resume the winner's post
    /// while it is still in flight (a second send, a second thread request). A waiter runs its own work afterwards and
    /// finds the finished row. Across processes the ledger and the message nonce still decide.
    /// </summary>
    private async Task<DailyPostResult> OneAtATimeAsync(long scheduleId, DateOnly localDate, Func<Task<DailyPostResult>> work, CancellationToken cancellationToken)
    {
        var key = (scheduleId, localDate);
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (_inFlight.GetOrAdd(key, mine.Task) is var current && current != mine.Task)
        {
            await current.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<(long, DateOnly), Task>(key, mine.Task));
            mine.SetResult();
        }
    }

    private async Task<DailyPostResult> SkipAsync(DailySchedule schedule, DateOnly localDate, string reason, bool consumeSkipNext, CancellationToken cancellationToken)
    {
        // The skip row is written before skip-next is cleared, so a racing instance either sees the flag and loses
        // the insert, or sees the row: never the cleared flag without the row.
        var inserted = await ledger.SkipAsync(schedule.ScheduleId, localDate, schedule.GuildId, schedule.ChannelId, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var post = await ledger.GetAsync(schedule.ScheduleId, localDate, cancellationToken).ConfigureAwait(false);
        if (!inserted)
        {
            return await ContinueAsync(schedule, post!, cancellationToken).ConfigureAwait(false);
        }

        if (consumeSkipNext)
        {
            await schedules.TryConsumeSkipNextAsync(schedule.ScheduleId, cancellationToken).ConfigureAwait(false);
        }

        metrics.PostSkipped(reason switch
        {
            PausedReason => "paused",
            SkipNextReason => "skip_next",
            NoQuestionReason => "no_question",
            MissedReason => "missed",
            _ => "other",
        });
        LogSkipped(logger, schedule.ScheduleId, schedule.Name, localDate, reason);
        return new DailyPostResult(DailyPostOutcome.Skipped, post, reason);
    }

    private async Task<DailyPostResult> ContinueAsync(DailySchedule schedule, DailyPost post, CancellationToken cancellationToken)
    {
        if (post.IsSkipped)
        {
            return new DailyPostResult(DailyPostOutcome.Skipped, post, post.SkippedReason);
        }

        if (post.IsComplete)
        {
            return new DailyPostResult(DailyPostOutcome.AlreadyPosted, post);
        }

        var question = await catalog.FindAsync(schedule.GuildId, post.QuestionId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"question {post.QuestionId} of daily post {post.ScheduleId}/{post.LocalDate} no longer exists");
        LogResuming(logger, post.ScheduleId, post.LocalDate, post.MessageId is not null, post.ThreadId is not null);
        return await CompleteAsync(schedule, post, question, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs whichever steps the ledger row is missing: message, thread, then completion.</summary>
    private async Task<DailyPostResult> CompleteAsync(DailySchedule schedule, DailyPost post, Question question, CancellationToken cancellationToken)
    {
        var guild = await settings.GetAsync(schedule.GuildId, cancellationToken).ConfigureAwait(false);
        var request = new PublishRequest(schedule.GuildId, post.ChannelId, question, PromptSource.Daily)
        {
            ScheduleId = schedule.ScheduleId,
            LocalDate = post.LocalDate,
            PingRoleId = schedule.PingRoleId,
            RevealAfter = TimeSpan.FromMinutes(schedule.RevealAfterMinutes ?? guild.RevealDelayMinutes),
            Nonce = DailySchedules.Nonce(schedule.ScheduleId, post.LocalDate),
        };

        long promptId;
        if (post.PromptId is { } recorded)
        {
            promptId = recorded;
        }
        else
        {
            await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var revealAt = now + request.RevealAfter!.Value;
            var message = await publisher.SendQuestionAsync(request, revealAt, cancellationToken).ConfigureAwait(false);
            promptId = await ledger.RecordMessageAsync(schedule.ScheduleId, post.LocalDate, message.Id.Value, now, revealAt, cancellationToken).ConfigureAwait(false);
        }

        var prompt = await prompts.GetAsync(promptId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"prompt {promptId} of daily post {post.ScheduleId}/{post.LocalDate} is missing");
        if (prompt.ThreadId is null)
        {
            var thread = await publisher.OpenThreadAsync(prompt.ChannelId, prompt.MessageId, question, guild.BlindMode, cancellationToken).ConfigureAwait(false);
            await ledger.RecordThreadAsync(schedule.ScheduleId, post.LocalDate, thread.Id.Value, cancellationToken).ConfigureAwait(false);
            prompt = prompt with { ThreadId = thread.Id.Value };
        }

        await publisher.FinishAsync(prompt, request, cancellationToken).ConfigureAwait(false);
        await ledger.CompleteAsync(schedule.ScheduleId, post.LocalDate, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var done = await ledger.GetAsync(schedule.ScheduleId, post.LocalDate, cancellationToken).ConfigureAwait(false);
        return new DailyPostResult(DailyPostOutcome.Posted, done);
    }

    private async Task<QuestionSelection?> ChooseAsync(DailySchedule schedule, CancellationToken cancellationToken)
    {
        Difficulty? difficulty = schedule.Difficulty is { } text && DifficultyNames.TryParse(text, out var parsed) ? parsed : null;
        var filter = new QuestionFilter(schedule.Categories.Count == 0 ? null : schedule.Categories, difficulty, null);
        var eligible = await catalog.EligibleAsync(schedule.GuildId, filter, cancellationToken).ConfigureAwait(false);
        if (eligible.Count == 0)
        {
            return null;
        }

        var uses = await usage.ListAsync(schedule.GuildId, schedule.ScheduleId, cancellationToken).ConfigureAwait(false);
        var used = QuestionSelector.CurrentCycle(uses.Select(u => u.QuestionId), eligible);
        var recentCategories = uses.Take(10).Select(u => catalog.Bank.Find(u.QuestionId)?.Category).OfType<string>().ToList();
        return selector.Select(eligible, used, recentCategories);
    }

    private async Task WarnRunningLowAsync(DailySchedule schedule, int unused, CancellationToken cancellationToken)
    {
        LogRunningLow(logger, schedule.ScheduleId, schedule.Name, unused);
        var guild = await settings.GetAsync(schedule.GuildId, cancellationToken).ConfigureAwait(false);
        if (guild.LogChannelId is not { } logChannel)
        {
            return;
        }

        try
        {
            await rest.CreateMessageAsync(new Snowflake(logChannel), new MessageCreate
            {
                Content = unused == 0
                    ? $"📉 Daily schedule **{schedule.Name}** has used every eligible question; the next post starts a new round (questions may repeat). Add questions or widen its categories."
                    : $"📉 Daily schedule **{schedule.Name}** is running low: {unused.ToString(CultureInfo.InvariantCulture)} unused question(s) left before questions repeat. Add questions or widen its categories.",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            // The note is for admins; a log channel the bot cannot write to must not fail the post.
            LogNoteFailed(logger, e, logChannel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily schedule {ScheduleId} ({Name}) skipped {LocalDate}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long scheduleId, string name, DateOnly localDate, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming daily post {ScheduleId}/{LocalDate} (message sent: {HasMessage}, thread: {HasThread})")]
    private static partial void LogResuming(ILogger logger, long scheduleId, DateOnly localDate, bool hasMessage, bool hasThread);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily schedule {ScheduleId} ({Name}) is running low on questions: {Unused} unused")]
    private static partial void LogRunningLow(ILogger logger, long scheduleId, string name, int unused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post the running-low note in log channel {ChannelId}")]
    private static partial void LogNoteFailed(ILogger logger, Exception exception, ulong channelId);
}
