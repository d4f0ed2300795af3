using System.Globalization;
using Quartz;

namespace InterviewBot.Features.Digest;

/// <summary>Fires at a guild's digest time: posts the digest of the week just ended, then schedules next week's.</summary>
public sealed class DigestJob(DigestService digests) : IJob
{
    public const string GuildIdKey = "guildId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var guildId = ulong.Parse(context.MergedJobDataMap.GetString(GuildIdKey)!, NumberStyles.None, CultureInfo.InvariantCulture);
        var fireTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await digests.RunAsync(guildId, fireTime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobExecutionException(e);
        }
    }
}
