using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>
/// /practice's components: <b>Answer</b> opens the modal (<c>practice:answer:&lt;question&gt;</c>), the modal submit scores
/// the answer and updates spaced repetition (<c>practice:submit:&lt;question&gt;</c>), <b>Next question</b> serves the next.
/// The question id is looked up in the guild's catalogue (bank plus server questions, minus disabled ones).
/// </summary>
public sealed class PracticeCommandButtons(
    QuestionCatalog catalog,
    KeyPointScorer scorer,
    RecallRecorder recall,
    PracticeCommandSession practice,
    TimeProvider time) : IComponentHandler
{
    public string Feature => PracticeCommandMessages.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (customId.Action == PracticeCommandMessages.NextAction)
        {
            await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
            await PracticeCommand.ShowNextAsync(context, practice, null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var question = customId.Arg(0) is { } id ? await catalog.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false) : null;
        if (question is null)
        {
            await context.ReplyAsync("This question is no longer available. Try `/practice next`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (customId.Action)
        {
            case PracticeCommandMessages.AnswerAction:
                await context.ShowModalAsync(
                    CustomId.Format(Feature, PracticeCommandMessages.SubmitAction, question.Id),
                    "Your answer",
                    [ActionRow.Of(PracticeCommandMessages.AnswerInput())],
                    cancellationToken).ConfigureAwait(false);
                break;
            case PracticeCommandMessages.SubmitAction:
                var text = context.Data.GetModalValue(PracticeCommandMessages.AnswerField)?.Trim() ?? string.Empty;
                if (text.Length == 0)
                {
                    await context.ReplyAsync("Your answer was empty, so nothing was scored.", cancellationToken: cancellationToken).ConfigureAwait(false);
                    return;
                }

                var coverage = scorer.Score(question, text.Length > PracticeCommandMessages.MaxAnswerLength ? text[..PracticeCommandMessages.MaxAnswerLength] : text);
                var grade = Sm2Scheduler.GradeFromCoverage(coverage.Percent);
                var (reviewId, state) = await recall.RecordAsync(context.GuildId, context.UserId, question.Id, grade, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync(PracticeCommandMessages.Result(question, coverage, reviewId, grade, state), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
