using System.Globalization;
using Quartz;

namespace InterviewBot.Features.Reveal;

/// <summary>
/// One persistent Quartz one-shot trigger per prompt, so a reveal due while the bot was down fires once it is back
/// (misfire: fire now). Rescheduling replaces the trigger.
/// </summary>
public sealed class RevealScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "reveal";

    public static JobKey JobKey(long promptId) => new(promptId.ToString(CultureInfo.InvariantCulture), Group);

    public async Task ScheduleAsync(long promptId, DateTimeOffset revealAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<RevealJob>()
            .WithIdentity(JobKey(promptId))
            .UsingJobData(RevealJob.PromptIdKey, promptId)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(promptId.ToString(CultureInfo.InvariantCulture), Group)
            .StartAt(revealAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelAsync(long promptId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKey(promptId), cancellationToken).ConfigureAwait(false);
    }
}
