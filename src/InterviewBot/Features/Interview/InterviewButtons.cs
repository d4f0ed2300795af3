using System.Globalization;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Interview;

/// <summary>
/// <b>Done</b>, <b>Skip</b> and <b>Stop</b> under an interview question (<c>interview:&lt;action&gt;:&lt;session&gt;:&lt;index&gt;</c>).
/// The session is looked up and only the member whose interview it is may press them.
/// </summary>
public sealed class InterviewButtons(InterviewService interviews, IInterviewSessionStore sessions) : IComponentHandler
{
    public string Feature => InterviewMessages.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        var session = customId.ArgInt64(0) is { } id ? await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (session is null || session.GuildId != context.GuildId || customId.ArgInt64(1) is not { } index)
        {
            await context.ReplyAsync("This interview is no longer tracked.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.UserId != context.UserId)
        {
            await context.ReplyAsync($"This is <@{session.UserId.ToString(CultureInfo.InvariantCulture)}>'s interview; start your own with `/interview start`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Status != InterviewSessionStatus.Active)
        {
            await context.ReplyAsync("This interview has ended. `/interview history` lists your past ones.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (customId.Action == InterviewMessages.StopAction)
        {
            await context.DeferUpdateAsync(cancellationToken).ConfigureAwait(false);
            if (!await interviews.StopAsync(session, cancellationToken).ConfigureAwait(false))
            {
                await context.ReplyAsync("This interview has already ended.", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var outcome = customId.Action switch
        {
            InterviewMessages.DoneAction => InterviewQuestionOutcome.Answered,
            InterviewMessages.SkipAction => InterviewQuestionOutcome.Skipped,
            _ => (InterviewQuestionOutcome?)null,
        };
        if (outcome is null)
        {
            await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferUpdateAsync(cancellationToken).ConfigureAwait(false);
        var result = await interviews.EndQuestionAsync(session.SessionId, (int)index, outcome.Value, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case EndQuestionResult.NothingWritten:
                await context.ReplyAsync("Nothing to score yet: write your answer in this thread first, then press **Done** (or **Skip**).", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case EndQuestionResult.NotCurrent:
                await context.ReplyAsync("This question has already ended.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
