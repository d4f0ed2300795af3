using System.Globalization;
using InterviewBot.Core.Digest;
using Quartz;

namespace InterviewBot.Features.Digest;

/// <summary>
/// One persistent Quartz one-shot trigger per guild at the digest's next fire time (from <see cref="DigestSchedule"/>,
/// so DST follows the schedule rules); the job schedules the following one after it runs. Rescheduling replaces the trigger.
/// </summary>
public sealed class DigestScheduler(ISchedulerFactory schedulers, TimeProvider time)
{
    public const string Group = "digest";

    public static JobKey JobKey(ulong guildId) => new(guildId.ToString(CultureInfo.InvariantCulture), Group);

    public static TriggerKey TriggerKey(ulong guildId) => new(guildId.ToString(CultureInfo.InvariantCulture), Group);

    /// <summary>Schedules the next digest strictly after <paramref name="after"/> (now by default); returns its time.</summary>
    public async Task<DateTimeOffset> ScheduleAsync(ulong guildId, DigestSchedule schedule, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = schedule.NextFireAfter(after ?? time.GetUtcNow());
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<DigestJob>()
            .WithIdentity(JobKey(guildId))
            .UsingJobData(DigestJob.GuildIdKey, guildId.ToString(CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKey(guildId))
            .StartAt(next)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        return next;
    }

    public async Task CancelAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKey(guildId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pending digest's fire time (the one-shot trigger's start), or null.</summary>
    public async Task<DateTimeOffset?> NextAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = await scheduler.GetTrigger(TriggerKey(guildId), cancellationToken).ConfigureAwait(false);
        return trigger?.StartTimeUtc;
    }
}
