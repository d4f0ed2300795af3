using System.Globalization;
using InterviewBot.Storage;
using Quartz;

namespace InterviewBot.Features.Daily;

/// <summary>
/// One persistent Quartz cron trigger per schedule, carrying the schedule's IANA zone, so daylight-saving shifts are
/// computed in the zone (proved against <see cref="Core.Scheduling.ScheduleRule"/> by QuartzDstAgreementTests).
/// Saving a schedule replaces its job and trigger. A missed fire is not replayed by Quartz (misfire: do nothing):
/// start-up catch-up decides with the schedule's grace window instead.
/// </summary>
public sealed class DailyScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "daily";

    public static JobKey JobKey(long scheduleId) => new(scheduleId.ToString(CultureInfo.InvariantCulture), Group);

    public static TriggerKey TriggerKey(long scheduleId) => new(scheduleId.ToString(CultureInfo.InvariantCulture), Group);

    /// <summary>The trigger a schedule gets; public so tests can check its fire times without a running scheduler.</summary>
    public static ITrigger BuildTrigger(DailySchedule schedule, DateTimeOffset startAt)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var rule = DailySchedules.Rule(schedule);
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKey(schedule.ScheduleId))
            .ForJob(JobKey(schedule.ScheduleId))
            .StartAt(startAt)
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
        await scheduler.ScheduleJob(job, BuildTrigger(schedule, now), new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
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
