using System.Globalization;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Community;

/// <summary>
/// Buttons and modals of the <c>community</c> feature: the question form's submits, the staff Accept / Edit / Reject
/// buttons on suggestions, and list paging. Every id in a custom_id is looked up and every staff action re-checks the
/// member's permissions.
/// </summary>
public sealed class CommunityComponents(
    ServerQuestions serverQuestions,
    SuggestionReview review,
    QuestionList list,
    IGuildQuestionStore store) : IComponentHandler
{
    private const int MaxReasonLength = 500;

    public string Feature => CommunityIds.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        switch (customId.Action)
        {
            case CommunityIds.SuggestSubmit:
                await review.SubmitAsync(context, QuestionForm.Read(context.Data), cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.AddSubmit:
                await AddAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.EditSubmit:
                await SaveEditAsync(context, customId.Arg(0) ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.Accept when customId.ArgInt64(0) is { } id:
                await review.AcceptAsync(context, id, edited: null, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.EditAccept when customId.ArgInt64(0) is { } id:
                await review.AcceptAsync(context, id, QuestionForm.Read(context.Data), cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.Edit when customId.ArgInt64(0) is { } id:
                await ShowEditAsync(context, id, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.Reject when customId.ArgInt64(0) is { } id:
                await ShowRejectAsync(context, id, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.RejectReason when customId.ArgInt64(0) is { } id:
                var reason = context.Data.GetModalValue(CommunityIds.ReasonField)?.Trim();
                if (string.IsNullOrEmpty(reason))
                {
                    await context.ReplyAsync("Give the member a reason for the rejection.", cancellationToken: cancellationToken).ConfigureAwait(false);
                    return;
                }

                await review.RejectAsync(context, id, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason, cancellationToken).ConfigureAwait(false);
                break;
            case CommunityIds.Page:
                var (page, source, category) = QuestionList.ParsePage(customId);
                await context.UpdateMessageAsync(await list.RenderAsync(context.GuildId, category, source, page, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AddAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (!CommunityPermissions.IsStaff(context))
        {
            await context.ReplyAsync("Adding server questions needs the **Manage Messages** permission.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var draft = await serverQuestions.DraftAsync(context.GuildId, QuestionForm.Read(context.Data), id: null, [], cancellationToken).ConfigureAwait(false);
        if (!draft.IsValid)
        {
            await context.ReplyAsync(draft.ProblemMessage("The question was not added; please fix:"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var question = draft.Question!;
        if (await serverQuestions.AddAsync(context.GuildId, question, context.UserId, cancellationToken).ConfigureAwait(false) is null)
        {
            await context.ReplyAsync("Another question just took this id; please submit again.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync($"Added `{question.Id}` to this server's questions.{DerivedNote(question)}", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveEditAsync(InteractionContext context, string key, CancellationToken cancellationToken)
    {
        if (!CommunityPermissions.IsStaff(context))
        {
            await context.ReplyAsync("Editing server questions needs the **Manage Messages** permission.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var stored = await store.FindAsync(context.GuildId, key, cancellationToken).ConfigureAwait(false);
        var existing = stored is null ? null : serverQuestions.Read(stored.Body);
        if (stored is null || existing is null)
        {
            await context.ReplyAsync($"`{DiscordText.Truncate(key, 64)}` is no longer one of this server's questions.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var draft = await serverQuestions.DraftAsync(context.GuildId, QuestionForm.Read(context.Data), existing.Id, existing.Tags, cancellationToken).ConfigureAwait(false);
        if (!draft.IsValid)
        {
            await context.ReplyAsync(draft.ProblemMessage("The question was not changed; please fix:"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // The form has no fields for these; keep them.
        var question = draft.Question! with { Hint = existing.Hint, FollowUps = existing.FollowUps, Code = existing.Code, CodeLanguage = existing.CodeLanguage };
        if (serverQuestions.Validate(question).Question is null)
        {
            question = draft.Question!;
        }

        await store.UpdateAsync(stored.GuildQuestionId, question.Category, question.Difficulty.ToName(), ServerQuestions.Body(question), cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync($"Saved `{question.Id}`.{DerivedNote(question)}", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowEditAsync(InteractionContext context, long suggestionId, CancellationToken cancellationToken)
    {
        var suggestion = await review.PendingForStaffAsync(context, suggestionId, cancellationToken).ConfigureAwait(false);
        if (suggestion is null)
        {
            return;
        }

        var question = review.ReadSuggestion(suggestion);
        await QuestionForm.ShowAsync(
            context,
            CustomId.Format(CommunityIds.Feature, CommunityIds.EditAccept, suggestionId.ToString(CultureInfo.InvariantCulture)),
            "Edit and accept",
            question is null ? null : QuestionForm.From(question),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowRejectAsync(InteractionContext context, long suggestionId, CancellationToken cancellationToken)
    {
        if (await review.PendingForStaffAsync(context, suggestionId, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        await context.ShowModalAsync(
            CustomId.Format(CommunityIds.Feature, CommunityIds.RejectReason, suggestionId.ToString(CultureInfo.InvariantCulture)),
            "Reject the suggestion",
            [
                ActionRow.Of(new TextInput
                {
                    CustomId = CommunityIds.ReasonField,
                    Style = TextInputStyle.Paragraph,
                    Label = "Reason (sent to the member)",
                    MinLength = 3,
                    MaxLength = MaxReasonLength,
                    Required = true,
                }),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    private static string DerivedNote(Question question) => question.KeyPoints.Any(k => k.Derived)
        ? $"\nNo key points were given, so {question.KeyPoints.Count} were derived from the answer: {string.Join(", ", question.KeyPoints.Select(k => k.Label))}."
        : string.Empty;
}
