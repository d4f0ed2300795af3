using System.Globalization;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Privacy;

/// <summary>
/// The confirmation buttons of <c>/privacy delete</c>. The user id in the custom_id must be the clicking member's own
/// (a forged or forwarded id deletes nothing), and the guild is the interaction's, never one from the custom_id.
/// </summary>
public sealed partial class PrivacyButtons(IMemberDataStore memberData, ErasedMembers erased, ILogger<PrivacyButtons> logger) : IComponentHandler
{
    public string Feature => PrivacyCommand.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (customId.Args.Count != 1 || customId.Arg(0) != context.UserId.ToString(CultureInfo.InvariantCulture) || !context.InGuild)
        {
            await context.ReplyAsync("This button is not yours: run `/privacy delete` yourself.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (customId.Action)
        {
            case PrivacyCommand.CancelAction:
                await context.UpdateMessageAsync(new InteractionCallbackData { Content = "Nothing was deleted.", Components = [] }, cancellationToken).ConfigureAwait(false);
                break;
            case PrivacyCommand.ConfirmDeleteAction:
                await DeleteAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DeleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        await context.DeferUpdateAsync(cancellationToken).ConfigureAwait(false);
        await erased.EraseAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false);
        var deleted = await memberData.DeleteAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, context.GuildId, deleted.Answers, deleted.ReviewsGiven);
        await context.UpdateMessageAsync(new InteractionCallbackData { Content = Summary(deleted), Components = [] }, cancellationToken).ConfigureAwait(false);
    }

    public static string Summary(MemberDataDeletion deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var removed = FormattableString.Invariant(
            $"Deleted: {deleted.Answers} answer(s) (with the reviews of them), {deleted.ReviewsGiven} review(s) and {deleted.HelpfulVotesGiven} vote(s) you gave, {deleted.InterviewSessions} interview session(s), {deleted.RepetitionStates} practice schedule entr(ies), {deleted.Suggestions} suggestion(s), your settings and streak restores. Your stats now start from zero.");
        var kept = FormattableString.Invariant(
            $"Kept: the {deleted.PromptsAnonymised} question(s) you asked stay posted without your name; anonymous counts (how often a question was used); your user id with the time of this request, so the answers you wrote before now are never stored again. Your messages in Discord are not touched.");
        return removed + "\n" + kept;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member data deleted on request in guild {GuildId}: {Answers} answer(s), {Reviews} review(s)")]
    private static partial void LogDeleted(ILogger logger, ulong guildId, int answers, int reviews);
}
