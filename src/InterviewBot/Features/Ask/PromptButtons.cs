using System.Globalization;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Reveal;
using InterviewBot.Storage;

namespace InterviewBot.Features.Ask;

/// <summary>
/// The buttons under a question (<b>Answer privately</b>, <b>Hint</b>, <b>Reveal</b>) and the private-answer modal.
/// The prompt is found from the message the button is on, or from the prompt id in the modal's custom_id (checked
/// against the guild), never trusted blindly.
/// </summary>
public sealed class PromptButtons(
    IPromptStore prompts,
    IAnswerStore answers,
    QuestionCatalog catalog,
    KeyPointScorer scorer,
    RevealService reveals,
    TimeProvider time) : IComponentHandler
{
    public const int MaxPrivateAnswerLength = 4000;
    private const string AnswerField = "answer";

    public string Feature => QuestionMessages.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (customId.Action == QuestionMessages.SubmitAction)
        {
            await SubmitPrivateAnswerAsync(context, customId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var prompt = context.Interaction.Message is { } message
            ? await prompts.FindByMessageAsync(message.Id.Value, cancellationToken).ConfigureAwait(false)
            : null;
        if (prompt is null || prompt.GuildId != context.GuildId)
        {
            await context.ReplyAsync("This question is no longer tracked.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (customId.Action)
        {
            case QuestionMessages.HintAction:
                await HintAsync(context, prompt, cancellationToken).ConfigureAwait(false);
                break;
            case QuestionMessages.RevealAction:
                await RevealReplies.RevealForAsync(context, prompt, reveals, cancellationToken).ConfigureAwait(false);
                break;
            case QuestionMessages.AnswerPrivatelyAction:
                await OpenPrivateAnswerAsync(context, prompt, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task HintAsync(InteractionContext context, Prompt prompt, CancellationToken cancellationToken)
    {
        var question = await catalog.FindAsync(prompt.GuildId, prompt.QuestionId, cancellationToken).ConfigureAwait(false);
        if (question is null)
        {
            await context.ReplyAsync("This question is no longer available.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await answers.FindAsync(prompt.PromptId, context.UserId, cancellationToken).ConfigureAwait(false);
        string text;
        if (answer is { HasContent: true })
        {
            var coverage = scorer.Score(question, answer.AssembledText());
            text = coverage.Missed.FirstOrDefault() is { } missed
                ? $"💡 Your answer so far could say more about: **{missed.KeyPoint.Label}**."
                : "💡 Your answer already touches every key point. Consider trade-offs and a concrete example.";
        }
        else
        {
            text = question.Hint is { } hint ? $"💡 {hint}" : $"💡 A good answer covers, among other things: **{question.KeyPoints[0].Label}**.";
        }

        await context.ReplyAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task OpenPrivateAnswerAsync(InteractionContext context, Prompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.RevealingAt is not null || prompt.RevealedAt is not null)
        {
            await context.ReplyAsync("This question has been revealed; answers are closed.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.ShowModalAsync(
            CustomId.Format(Feature, QuestionMessages.SubmitAction, prompt.PromptId.ToString(CultureInfo.InvariantCulture)),
            "Your answer",
            [
                ActionRow.Of(new TextInput
                {
                    CustomId = AnswerField,
                    Style = TextInputStyle.Paragraph,
                    Label = "Your answer (only you and, at the reveal, everyone)",
                    MinLength = 1,
                    MaxLength = MaxPrivateAnswerLength,
                    Required = true,
                }),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task SubmitPrivateAnswerAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var prompt = customId.ArgInt64(0) is { } id ? await prompts.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (prompt is null || prompt.GuildId != context.GuildId)
        {
            await context.ReplyAsync("This question is no longer tracked.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (prompt.RevealingAt is not null || prompt.RevealedAt is not null)
        {
            await context.ReplyAsync("Too late: this question has been revealed, so the answer was not saved.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = context.Data.GetModalValue(AnswerField)?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            await context.ReplyAsync("Your answer was empty, so nothing was saved.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (text.Length > MaxPrivateAnswerLength)
        {
            text = text[..MaxPrivateAnswerLength];
        }

        // A resubmission replaces the previous private answer.
        var previous = await answers.FindAsync(prompt.PromptId, context.UserId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var part in previous?.Parts.Where(p => p.DeletedAt is null) ?? [])
        {
            if (previous!.IsPrivate)
            {
                await answers.SoftDeletePartAsync(part.MessageId, now, cancellationToken).ConfigureAwait(false);
            }
        }

        await answers.UpsertPartAsync(new AnswerPartWrite
        {
            PromptId = prompt.PromptId,
            GuildId = prompt.GuildId,
            UserId = context.UserId,
            MessageId = context.Interaction.Id.Value,
            Content = text,
            WrittenAt = now,
            IsPrivate = true,
        }, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync(
            $"Saved your private answer ({text.Length.ToString(CultureInfo.InvariantCulture)} characters). It is shown to everyone at the reveal; you can resubmit until then.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
