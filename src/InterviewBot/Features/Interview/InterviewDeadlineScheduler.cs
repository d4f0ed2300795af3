using System.Globalization;
using Quartz;

namespace InterviewBot.Features.Interview;

/// <summary>
/// One persistent Quartz one-shot trigger per session for the current question's deadline, so a deadline that
/// passes while the bot is down fires once it is back (misfire: fire now). Asking the next question replaces it.
/// </summary>
public sealed class InterviewDeadlineScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "interview";

    public static JobKey JobKey(long sessionId) => new(sessionId.ToString(CultureInfo.InvariantCulture), Group);

    public async Task ScheduleAsync(long sessionId, int questionIndex, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<InterviewDeadlineJob>()
            .WithIdentity(JobKey(sessionId))
            .UsingJobData(InterviewDeadlineJob.SessionIdKey, sessionId)
            .UsingJobData(InterviewDeadlineJob.QuestionIndexKey, questionIndex)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(sessionId.ToString(CultureInfo.InvariantCulture), Group)
            .StartAt(deadline)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelAsync(long sessionId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKey(sessionId), cancellationToken).ConfigureAwait(false);
    }
}
