using System.Globalization;
using InterviewBot.Storage;
using Quartz;

namespace InterviewBot.Features.Daily;

/// <summary>
/// One persistent Quartz cron trigger per schedule, carrying the schedule's IANA zone, so daylight-saving shifts are
/// computed in the zone (proved against <see cref="Core.Scheduling.ScheduleRule"/> by QuartzDstAgreementTests).
/// Saving a schedule replaces its job and trigger. How late Quartz may still fire the trigger is the schedule's own
/// grace window (<see cref="MisfireThreshold"/>), the same rule start-up catch-up applies, so a fire delayed by load
/// (thousands of triggers in one minute) or by a short restart still posts, once (the ledger), and one later than the
/// grace window is not replayed by Quartz (misfire: do nothing) but recorded as skipped by the catch-up sweep.
/// </summary>
public sealed class DailyScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "daily";

    public static JobKey JobKey(long scheduleId) => new(scheduleId.ToString(CultureInfo.InvariantCulture), Group);

    public static TriggerKey TriggerKey(long scheduleId) => new(scheduleId.ToString(CultureInfo.InvariantCulture), Group);

    /// <summary>
    /// How late Quartz may fire the schedule's trigger: its grace window (at least five minutes by <c>/daily setup</c>),
    /// never under Quartz's own one-minute default.
    /// </summary>
    public static TimeSpan MisfireThreshold(DailySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TimeSpan.FromMinutes(Math.Max(1, schedule.GraceMinutes));
    }

    /// <summary>The trigger a schedule gets; public so tests can check its fire times without a running scheduler.</summary>
    /// <param name="schedule">The stored schedule.</param>
    /// <param name="startAt">Fires before this instant are not the trigger's.</param>
    /// <param name="clock">
    /// The scheduler's clock (Quartz computes the first fire time against it, and clamps a start in its past to its
    /// now); the system clock when left out.
    /// </param>
    public static ITrigger BuildTrigger(DailySchedule schedule, DateTimeOffset startAt, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var rule = DailySchedules.Rule(schedule);
        return TriggerBuilder.Create(clock ?? TimeProvider.System)
            .WithIdentity(TriggerKey(schedule.ScheduleId))
            .ForJob(JobKey(schedule.ScheduleId))
            .StartAt(startAt)
            .WithMisfireThreshold(MisfireThreshold(schedule))
            .WithCronSchedule(DailyCron.For(rule), cron => cron.InTimeZone(rule.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
    }

    public async Task ScheduleAsync(DailySchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (schedule.Weekdays.IsEmpty)
        {
            await scheduler.DeleteJob(JobKey(schedule.ScheduleId), cancellationToken).ConfigureAwait(false);
            return;
        }

        var job = JobBuilder.Create<DailyQuestionJob>()
            .WithIdentity(JobKey(schedule.ScheduleId))
            .UsingJobData(DailyQuestionJob.ScheduleIdKey, schedule.ScheduleId)
            .Build();
        await scheduler.ScheduleJob(job, BuildTrigger(schedule, now, scheduler.TimeProvider), new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Start-up: leaves a trigger that already matches the schedule alone (a read, not a write, so instances starting
    /// side by side do not contend for Quartz's tables) and replaces it otherwise.
    /// </summary>
    public async Task EnsureAsync(DailySchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Weekdays.IsEmpty)
        {
            await ScheduleAsync(schedule, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wanted = BuildTrigger(schedule, now, scheduler.TimeProvider);
        if (await scheduler.GetTrigger(TriggerKey(schedule.ScheduleId), cancellationToken).ConfigureAwait(false) is ICronTrigger existing
            && wanted is ICronTrigger cron
            && existing.CronExpressionString == cron.CronExpressionString
            && existing.TimeZone.Id == cron.TimeZone.Id
            && existing.MisfireThreshold == cron.MisfireThreshold)
        {
            return;
        }

        await ScheduleAsync(schedule, now, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(long scheduleId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKey(scheduleId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next fire time Quartz has for the schedule, or null when it has no trigger.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(long scheduleId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = await scheduler.GetTrigger(TriggerKey(scheduleId), cancellationToken).ConfigureAwait(false);
        return trigger?.NextFireTimeUtc;
    }
}
