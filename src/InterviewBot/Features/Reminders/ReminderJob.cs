using Quartz;

namespace InterviewBot.Features.Reminders;

/// <summary>Every quarter hour: sends the reminders whose local hour has come.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderService reminders, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("practice-reminders", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reminders.RunAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
}
