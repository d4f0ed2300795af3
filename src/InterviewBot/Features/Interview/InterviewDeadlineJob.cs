using InterviewBot.Storage;
using Quartz;

namespace InterviewBot.Features.Interview;

/// <summary>Fires at a question's deadline: scores what the member wrote by then and moves on. A stale trigger (the question already ended) does nothing.</summary>
public sealed class InterviewDeadlineJob(InterviewService interviews) : IJob
{
    public const string SessionIdKey = "sessionId";
    public const string QuestionIndexKey = "questionIndex";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = context.MergedJobDataMap.GetLong(SessionIdKey);
        var index = context.MergedJobDataMap.GetInt(QuestionIndexKey);
        try
        {
            await interviews.EndQuestionAsync(sessionId, index, InterviewQuestionOutcome.Expired, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobExecutionException(e);
        }
    }
}
