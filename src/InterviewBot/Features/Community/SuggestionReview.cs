using System.Globalization;
using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Community;

/// <summary>
/// Member suggestions: the pending limit, the staff embed in the review channel (with the closest existing question
/// when it is a likely duplicate), the Accept / Edit / Reject decision (exactly once, Manage Messages only) and the
/// DM that tells the member the outcome.
/// </summary>
public sealed partial class SuggestionReview(
    ServerQuestions questions,
    IGuildQuestionStore guildQuestions,
    ISuggestionStore suggestions,
    IGuildSettingsStore settings,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<SuggestionReview> logger)
{
    private const int PendingColor = 0xFEE75C;
    private const int AcceptedColor = 0x57F287;
    private const int RejectedColor = 0xED4245;

    /// <summary>Null when the member may open the form; otherwise why not.</summary>
    public async Task<string?> CheckCanSuggestAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var guild = await settings.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (guild.ReviewChannelId is null)
        {
            return "Suggestions are not open here yet: a moderator needs to choose a review channel with `/config review_channel`.";
        }

        var pending = await suggestions.ListAsync(guildId, SuggestionStatus.Pending, cancellationToken).ConfigureAwait(false);
        return SuggestionRules.CheckPendingLimit(pending.Count(s => s.UserId == userId));
    }

    /// <summary>The suggest form was submitted: validate, store, post to the review channel, confirm to the member.</summary>
    public async Task SubmitAsync(InteractionContext context, QuestionFormInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await CheckCanSuggestAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            await context.ReplyAsync(refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var draft = await questions.DraftAsync(context.GuildId, input, id: null, [ServerQuestions.CommunityTag], cancellationToken).ConfigureAwait(false);
        if (!draft.IsValid)
        {
            await context.ReplyAsync(draft.ProblemMessage("Your suggestion needs a few changes before it can be sent:"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var question = draft.Question!;
        var suggestion = await suggestions.AddAsync(context.GuildId, context.UserId, ServerQuestions.Body(question), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var guild = await settings.GetAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
        var closest = await ClosestAsync(context.GuildId, question, cancellationToken).ConfigureAwait(false);
        try
        {
            var message = await rest.CreateMessageAsync(
                new Snowflake(guild.ReviewChannelId!.Value),
                new MessageCreate { Embeds = [ReviewEmbed(suggestion, question, closest, draft.IsNewCategory)], Components = ReviewButtons(suggestion.SuggestionId) },
                cancellationToken).ConfigureAwait(false);
            await suggestions.SetMessageAsync(suggestion.SuggestionId, message.Id.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            LogReviewPostFailed(logger, e, context.GuildId);
            // Not a pending suggestion nobody can see: close it so it does not count against the member's limit.
            await suggestions.TryDecideAsync(suggestion.SuggestionId, SuggestionStatus.Rejected, 0, "the review channel could not be reached", null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await context.ReplyAsync("Sorry, I could not post your suggestion to the moderators' review channel (missing permissions?). Please tell a moderator.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = draft.IsNewCategory
            ? $"Thanks! Your question was sent to the moderators. It proposes a new category, `{question.Category}`. I will tell you the outcome by DM."
            : "Thanks! Your question was sent to the moderators. I will tell you the outcome by DM.";
        await context.ReplyAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accept, as suggested or as edited by the moderator (<paramref name="edited"/>).</summary>
    public async Task AcceptAsync(InteractionContext context, long suggestionId, QuestionFormInput? edited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var suggestion = await PendingForStaffAsync(context, suggestionId, cancellationToken).ConfigureAwait(false);
        if (suggestion is null)
        {
            return;
        }

        Question? question;
        if (edited is not null)
        {
            var draft = await questions.DraftAsync(context.GuildId, edited, id: null, [ServerQuestions.CommunityTag], cancellationToken).ConfigureAwait(false);
            if (!draft.IsValid)
            {
                await context.ReplyAsync(draft.ProblemMessage("The edited question needs changes; the suggestion is still pending:"), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            question = draft.Question;
        }
        else
        {
            question = questions.Read(suggestion.Body);
        }

        if (question is null)
        {
            await context.ReplyAsync("This suggestion can no longer be read as a question; use **Edit** to fix it, or **Reject** it.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        GuildQuestion? stored = null;
        for (var attempt = 0; stored is null; attempt++)
        {
            question = question with { Id = await questions.NewIdAsync(context.GuildId, question.Category, question.Prompt, null, cancellationToken).ConfigureAwait(false) };
            stored = await questions.AddAsync(context.GuildId, question, suggestion.UserId, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                break;
            }

            // The id was taken a moment ago: most likely another moderator accepting this same suggestion.
            var current = await suggestions.GetAsync(suggestionId, cancellationToken).ConfigureAwait(false);
            if (current?.Status != SuggestionStatus.Pending || attempt == 2)
            {
                await context.ReplyAsync("Another moderator decided this suggestion a moment ago.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var decidedAt = time.GetUtcNow();
        if (!await suggestions.TryDecideAsync(suggestionId, SuggestionStatus.Accepted, context.UserId, null, stored.GuildQuestionId, decidedAt, cancellationToken).ConfigureAwait(false))
        {
            // Another moderator decided first: undo our copy.
            await guildQuestions.DeleteAsync(stored.GuildQuestionId, cancellationToken).ConfigureAwait(false);
            await context.ReplyAsync("Another moderator decided this suggestion a moment ago.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var decided = suggestion with { Status = SuggestionStatus.Accepted, DecidedBy = context.UserId, DecidedAt = decidedAt };
        await UpdateReviewMessageAsync(context, decided, question, $"✅ Accepted by <@{context.UserId}> as `{question.Id}`{(edited is null ? string.Empty : " (edited)")}", cancellationToken).ConfigureAwait(false);
        await TellAsync(suggestion.UserId, $"✅ Your suggested interview question was accepted{(edited is null ? string.Empty : " (with a moderator's edits)")} and joins the server's questions as `{question.Id}`:\n> {Quote(question.Prompt)}", cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync($"Accepted: the question is now `{question.Id}` and can be asked by `/ask`.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task RejectAsync(InteractionContext context, long suggestionId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var suggestion = await PendingForStaffAsync(context, suggestionId, cancellationToken).ConfigureAwait(false);
        if (suggestion is null)
        {
            return;
        }

        reason = reason.Trim();
        var now = time.GetUtcNow();
        if (!await suggestions.TryDecideAsync(suggestionId, SuggestionStatus.Rejected, context.UserId, reason, null, now, cancellationToken).ConfigureAwait(false))
        {
            await context.ReplyAsync("Another moderator decided this suggestion a moment ago.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var decided = suggestion with { Status = SuggestionStatus.Rejected, DecidedBy = context.UserId, DecidedAt = now, DecisionReason = reason };
        var question = questions.Read(suggestion.Body);
        await UpdateReviewMessageAsync(context, decided, question, $"❌ Rejected by <@{context.UserId}>: {reason}", cancellationToken).ConfigureAwait(false);
        var prompt = question is null ? string.Empty : $":\n> {Quote(question.Prompt)}";
        await TellAsync(suggestion.UserId, $"Your suggested interview question was not accepted{prompt}\n**Reason:** {reason}", cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync("Rejected; the member was told the reason by DM.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The suggestion for a staff button or modal, after the permission check; null (and a reply sent) otherwise.</summary>
    public async Task<Suggestion?> PendingForStaffAsync(InteractionContext context, long suggestionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CommunityPermissions.IsStaff(context))
        {
            await context.ReplyAsync("Only members with the **Manage Messages** permission can decide suggestions.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        var suggestion = await suggestions.GetAsync(suggestionId, cancellationToken).ConfigureAwait(false);
        if (suggestion is null || suggestion.GuildId != context.GuildId)
        {
            await context.ReplyAsync("This suggestion no longer exists.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (suggestion.Status != SuggestionStatus.Pending)
        {
            var by = suggestion.DecidedBy is { } m and not 0 ? $" by <@{m}>" : string.Empty;
            await context.ReplyAsync($"This suggestion was already {suggestion.Status.ToString().ToLowerInvariant()}{by}.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        return suggestion;
    }

    public Question? ReadSuggestion(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return questions.Read(suggestion.Body);
    }

    public static IReadOnlyList<Component> ReviewButtons(long suggestionId)
    {
        var id = suggestionId.ToString(CultureInfo.InvariantCulture);
        return
        [
            ActionRow.Of(
                new Button { Style = ButtonStyle.Success, Label = "Accept", CustomId = CustomId.Format(CommunityIds.Feature, CommunityIds.Accept, id) },
                new Button { Style = ButtonStyle.Secondary, Label = "Edit", CustomId = CustomId.Format(CommunityIds.Feature, CommunityIds.Edit, id) },
                new Button { Style = ButtonStyle.Danger, Label = "Reject", CustomId = CustomId.Format(CommunityIds.Feature, CommunityIds.Reject, id) }),
        ];
    }

    public static Embed ReviewEmbed(Suggestion suggestion, Question? question, (Question Question, double Score)? closest, bool isNewCategory, string? decision = null)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var fields = new List<EmbedField>();
        if (question is not null)
        {
            fields.Add(new EmbedField { Name = "Category", Value = isNewCategory ? $"{question.Category} (new)" : question.Category, Inline = true });
            fields.Add(new EmbedField { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true });
            var derived = question.KeyPoints.Any(k => k.Derived);
            fields.Add(new EmbedField
            {
                Name = derived ? "Key points (derived from the answer)" : "Key points",
                Value = DiscordText.Truncate(string.Join('\n', question.KeyPoints.Select(k => $"• {k.Label}")), 1024),
            });
        }

        fields.Add(new EmbedField { Name = "Suggested by", Value = $"<@{suggestion.UserId}>", Inline = true });
        if (closest is { } match && QuestionSimilarity.IsLikelyDuplicate(match.Score))
        {
            fields.Add(new EmbedField
            {
                Name = "⚠️ Possible duplicate",
                Value = DiscordText.Truncate($"{Percent(match.Score)} similar to `{match.Question.Id}`: {match.Question.Prompt.ReplaceLineEndings(" ")}", 1024),
            });
        }

        if (decision is not null)
        {
            fields.Add(new EmbedField { Name = "Decision", Value = DiscordText.Truncate(decision, 1024) });
        }

        return new Embed
        {
            Title = DiscordText.Truncate(question?.Prompt.ReplaceLineEndings(" ") ?? "Suggested question", 256),
            Description = DiscordText.Truncate(question?.Answer ?? suggestion.Body, 3000),
            Color = suggestion.Status switch
            {
                SuggestionStatus.Accepted => AcceptedColor,
                SuggestionStatus.Rejected => RejectedColor,
                _ => PendingColor,
            },
            Fields = fields,
            Footer = new EmbedFooter { Text = $"Suggestion {suggestion.SuggestionId.ToString(CultureInfo.InvariantCulture)} · question suggested for this server" },
        };
    }

    /// <summary>The most similar bank or server question (disabled bank questions included: they still exist).</summary>
    public async Task<(Question Question, double Score)?> ClosestAsync(ulong guildId, Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var own = await questions.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        return QuestionSimilarity.FindClosest(question.Prompt, question.Answer, questions.Bank.Questions.Concat(own.Select(o => o.Question)));
    }

    private async Task UpdateReviewMessageAsync(InteractionContext context, Suggestion decided, Question? question, string decision, CancellationToken cancellationToken)
    {
        var messageId = decided.MessageId ?? context.Interaction.Message?.Id.Value;
        if (messageId is null)
        {
            return;
        }

        var channelId = context.Interaction.Message?.ChannelId ?? new Snowflake(context.ChannelId);
        var closest = question is null ? null : await ClosestAsync(context.GuildId, question, cancellationToken).ConfigureAwait(false);

        // After acceptance the question itself is the closest match; leave the duplicate note out then.
        if (closest is { } c && decided.Status == SuggestionStatus.Accepted && c.Score >= 0.999)
        {
            closest = null;
        }

        try
        {
            await rest.EditMessageAsync(
                channelId,
                new Snowflake(messageId.Value),
                new MessageEdit { Embeds = [ReviewEmbed(decided, question, closest, isNewCategory: false, decision)], Components = [] },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            LogReviewEditFailed(logger, e, decided.SuggestionId);
        }
    }

    private async Task TellAsync(ulong userId, string text, CancellationToken cancellationToken)
    {
        try
        {
            var dm = await rest.CreateDmAsync(new Snowflake(userId), cancellationToken).ConfigureAwait(false);
            await rest.CreateMessageAsync(dm.Id, new MessageCreate { Content = DiscordText.Truncate(text, 2000) }, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            // Members may close their DMs; the decision stands and is visible to staff.
            LogDmFailed(logger, e, userId);
        }
    }

    private static string Quote(string text) => DiscordText.Truncate(text.ReplaceLineEndings(" "), 300);

    private static string Percent(double score) => (score * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post a suggestion to the review channel of guild {GuildId}")]
    private static partial void LogReviewPostFailed(ILogger logger, Exception exception, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the review message of suggestion {SuggestionId}")]
    private static partial void LogReviewEditFailed(ILogger logger, Exception exception, long suggestionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not DM member {UserId} about their suggestion")]
    private static partial void LogDmFailed(ILogger logger, Exception exception, ulong userId);
}
