using Microsoft.Extensions.Hosting;
using Quartz;

namespace InterviewBot.Features.Reminders;

/// <summary>
/// Registers the quarter-hourly reminder check with Quartz at start-up (replacing the stored one). Missed checks are
/// not caught up: a reminder is only worth sending during the member's hour.
/// </summary>
public sealed class ReminderScheduleService(ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<ReminderJob>().WithIdentity(ReminderJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ReminderJob.Key.Name, ReminderJob.Key.Group)
            .WithCronSchedule("0 0/15 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
