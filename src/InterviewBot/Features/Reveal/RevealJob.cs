using Quartz;

namespace InterviewBot.Features.Reveal;

/// <summary>Fires at a prompt's reveal time. A failed reveal is released by the service and retried by Quartz.</summary>
public sealed class RevealJob(RevealService reveals) : IJob
{
    public const string PromptIdKey = "promptId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var promptId = context.MergedJobDataMap.GetLong(PromptIdKey);
        try
        {
            await reveals.RevealAsync(promptId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobExecutionException(e);
        }
    }
}
