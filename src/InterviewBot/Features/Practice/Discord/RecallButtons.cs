using System.Globalization;
using InterviewBot.Core.Repetition;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>
/// <b>Again / Hard / Good / Easy</b> under a member's feedback (<c>recall:grade:&lt;review&gt;:&lt;1-4&gt;</c>), and the
/// <b>Rate your recall</b> button under a reveal (<c>recall:mine:&lt;prompt&gt;</c>) that shows a member their own result with
/// those buttons. Ids in the custom_id are looked up and checked against the clicking member and guild.
/// </summary>
public sealed class RecallButtons(
    RecallRecorder recorder,
    IPromptStore prompts,
    IAnswerStore answers,
    IRepetitionReviewStore reviews) : IComponentHandler
{
    public const string FeatureName = "recall";
    public const string GradeAction = "grade";
    public const string MineAction = "mine";

    public string Feature => FeatureName;

    public static ActionRow Row(long reviewId) => ActionRow.Of(
        [.. Enum.GetValues<RecallGrade>().Select(g => (Component)new Button
        {
            Style = g switch
            {
                RecallGrade.Again => ButtonStyle.Danger,
                RecallGrade.Easy => ButtonStyle.Success,
                _ => ButtonStyle.Secondary,
            },
            Label = g.ToString(),
            CustomId = CustomId.Format(FeatureName, GradeAction, reviewId.ToString(CultureInfo.InvariantCulture), ((int)g).ToString(CultureInfo.InvariantCulture)),
        })]);

    public static Button RateYourRecall(long promptId) => new()
    {
        Style = ButtonStyle.Secondary,
        Label = "Rate your recall",
        CustomId = CustomId.Format(FeatureName, MineAction, promptId.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>"next review in N days (&lt;t:…:D&gt;)".</summary>
    public static string NextReview(RepetitionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var days = state.IntervalDays == 1 ? "1 day" : $"{state.IntervalDays.ToString(CultureInfo.InvariantCulture)} days";
        return $"next review in {days} (<t:{state.DueAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:D>)";
    }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        switch (customId.Action)
        {
            case GradeAction:
                await GradeAsync(context, customId, cancellationToken).ConfigureAwait(false);
                break;
            case MineAction:
                await ShowMineAsync(context, customId, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task GradeAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.ArgInt64(0) is not { } reviewId || customId.ArgInt64(1) is not { } gradeValue || gradeValue is < 1 or > 4)
        {
            await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var grade = (RecallGrade)gradeValue;
        var result = await recorder.RegradeAsync(reviewId, context.GuildId, context.UserId, grade, cancellationToken).ConfigureAwait(false);
        var text = result.Status switch
        {
            RegradeStatus.Regraded => $"Recorded **{grade}**: {NextReview(result.State!)}.",
            RegradeStatus.Superseded => "You have answered this question again since; rate that answer instead.",
            _ => "These buttons rate someone else's answer; yours are under your own feedback.",
        };
        await context.ReplyAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowMineAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var prompt = customId.ArgInt64(0) is { } promptId ? await prompts.GetAsync(promptId, cancellationToken).ConfigureAwait(false) : null;
        if (prompt is null || prompt.GuildId != context.GuildId)
        {
            await context.ReplyAsync("This question is no longer tracked.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await answers.FindAsync(prompt.PromptId, context.UserId, cancellationToken).ConfigureAwait(false);
        var review = await reviews.FindLatestAsync(context.GuildId, context.UserId, prompt.QuestionId, cancellationToken).ConfigureAwait(false);
        if (answer is null || answer.IsLate || review is null)
        {
            await context.ReplyAsync("You did not answer this question before the reveal, so there is nothing to rate.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var covered = answer.KeyPointCount is { } total
            ? $"You covered {(answer.CoveredKeyPoints?.Count ?? 0).ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} key points, graded **{review.Grade}**."
            : $"Your answer was graded **{review.Grade}**.";
        await context.ReplyAsync(
            new MessageCreate
            {
                Content = $"{covered} How well did you really recall it? Your choice replaces the automatic grade.",
                Components = [Row(review.ReviewId)],
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
