using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace InterviewBot.Features.Ask;

/// <summary>
/// The durable note an <c>/ask</c> leaves before its first Discord call: a one-shot job in Quartz's persistent store,
/// deleted when the post is finished (or failed and was reported to the member). If the process dies in between, the job
/// survives and <see cref="AskRecoveryJob"/> finishes the post after the restart, resending the question with the same
/// nonce so Discord returns the message that may already exist instead of posting a second one.
/// </summary>
public sealed class AskRecovery(ISchedulerFactory schedulers, IOptions<AskOptions> options)
{
    public const string Group = "ask-recovery";
    public const string GuildIdKey = "guildId";
    public const string ChannelIdKey = "channelId";
    public const string QuestionIdKey = "questionId";
    public const string AskedByKey = "askedBy";
    public const string RevealAfterMinutesKey = "revealAfterMinutes";
    public const string PostedAtKey = "postedAt";
    public const string NonceKey = "nonce";

    /// <summary>Posts this process is working on: their recovery job, should it fire early, leaves them alone.</summary>
    private readonly ConcurrentDictionary<ulong, byte> _inFlight = new();

    /// <summary>The question message's nonce: one per interaction, at most 25 characters as Discord requires.</summary>
    public static string Nonce(ulong interactionId) => string.Create(CultureInfo.InvariantCulture, $"a{interactionId}");

    public static JobKey JobKey(ulong interactionId) => new(interactionId.ToString(CultureInfo.InvariantCulture), Group);

    /// <summary>Whether this process is still posting that interaction's question (then it is not interrupted, just slow).</summary>
    public bool IsInFlight(ulong interactionId) => _inFlight.ContainsKey(interactionId);

    /// <summary>Another look later, for a job that fired while its post was still in flight.</summary>
    public static ITrigger Later(JobKey job, DateTimeOffset at) => TriggerBuilder.Create()
        .ForJob(job)
        .WithIdentity(job.Name + "-" + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), Group)
        .StartAt(at)
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    public TimeSpan RecoverAfter => TimeSpan.FromSeconds(Math.Max(1, options.Value.RecoverAfterSeconds));

    public async Task ScheduleAsync(ulong interactionId, PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var postedAt = request.PostedAt ?? throw new ArgumentException("a recoverable post needs its posting time", nameof(request));
        var job = JobBuilder.Create<AskRecoveryJob>()
            .WithIdentity(JobKey(interactionId))
            .UsingJobData(GuildIdKey, Text(request.GuildId))
            .UsingJobData(ChannelIdKey, Text(request.ChannelId))
            .UsingJobData(QuestionIdKey, request.Question.Id)
            .UsingJobData(AskedByKey, request.AskedBy is { } askedBy ? Text(askedBy) : string.Empty)
            .UsingJobData(RevealAfterMinutesKey, request.RevealAfter is { } delay ? ((long)delay.TotalMinutes).ToString(CultureInfo.InvariantCulture) : string.Empty)
            .UsingJobData(PostedAtKey, postedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .UsingJobData(NonceKey, request.Nonce ?? Nonce(interactionId))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKey(interactionId).Name, Group)
            .StartAt(postedAt + RecoverAfter)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        _inFlight[interactionId] = 0;
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelAsync(ulong interactionId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(JobKey(interactionId), cancellationToken).ConfigureAwait(false);
        _inFlight.TryRemove(interactionId, out _);
    }

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
