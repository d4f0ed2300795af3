using System.Globalization;
using InterviewBot.Core.Reviews;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Review;

/// <summary>
/// Peer review: opens the rubric modal for an answer, saves a submission (one review per reviewer per answer; a second
/// submission edits the first and its thread message), posts it in the thread, tells the author (mentioning only them,
/// unless they turned notifications off), and counts helpful votes. Every id from a custom_id is looked up and checked
/// against the interaction's guild and member.
/// </summary>
public sealed partial class ReviewService(
    IReviewStore reviews,
    IReviewActivityStore activity,
    IGuildSettingsStore guildSettings,
    IMemberSettingsStore memberSettings,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<ReviewService> logger)
{
    /// <summary>Checks that the member may review the answer; returns the answer or replies with why not.</summary>
    public async Task<ScoredAnswer?> CheckReviewableAsync(InteractionContext context, long? answerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = answerId is { } id ? await activity.GetAnswerAsync(id, cancellationToken).ConfigureAwait(false) : null;
        string? problem = null;
        if (answer is null || answer.GuildId != context.GuildId || answer.Deleted)
        {
            problem = "That answer is no longer available for review.";
        }
        else if (!answer.Revealed)
        {
            problem = "Peer review opens when the question is revealed.";
        }
        else if (answer.UserId == context.UserId)
        {
            problem = "You can't review your own answer. Try `/review next` for someone else's.";
        }

        if (problem is not null)
        {
            await context.ReplyAsync(problem, cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        return answer;
    }

    public async Task OpenAsync(InteractionContext context, long? answerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = await CheckReviewableAsync(context, answerId, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return;
        }

        var previous = await reviews.FindAsync(answer.AnswerId, context.UserId, cancellationToken).ConfigureAwait(false);
        await context.ShowModalAsync(
            ReviewMessages.SubmitId(answer.AnswerId),
            previous is null ? "Review this answer" : "Edit your review",
            ReviewMessages.RubricModal(previous),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task SubmitAsync(InteractionContext context, long? answerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = await CheckReviewableAsync(context, answerId, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return;
        }

        var check = ReviewRules.CheckReview(
            context.UserId,
            answer.UserId,
            Mark(context, ReviewMessages.CorrectnessField),
            Mark(context, ReviewMessages.DepthField),
            Mark(context, ReviewMessages.ClarityField),
            context.Data.GetModalValue(ReviewMessages.CommentField));
        if (!check.IsValid)
        {
            await context.ReplyAsync("Your review was not saved: " + string.Join(" ", check.Problems), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var saved = await reviews.UpsertAsync(answer.AnswerId, answer.GuildId, context.UserId, check.Rubric!, check.Comment, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var posted = await PostAsync(answer, saved, cancellationToken).ConfigureAwait(false);
        var verb = saved.Created ? "Saved your review" : "Updated your review";
        await context.ReplyAsync(
            posted ? $"{verb}. Thanks for helping!" : $"{verb}, but it could not be shown in the thread (is it archived?).",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task HelpfulAsync(InteractionContext context, long? reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var review = reviewId is { } id ? await reviews.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (review is null || review.GuildId != context.GuildId)
        {
            await context.ReplyAsync("That review no longer exists.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var own = ReviewRules.CheckHelpfulVote(context.UserId, review.ReviewerId, alreadyVoted: false);
        if (!own.Allowed)
        {
            await context.ReplyAsync(own.Reason!, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var added = await reviews.AddHelpfulVoteAsync(review.ReviewId, context.UserId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var check = ReviewRules.CheckHelpfulVote(context.UserId, review.ReviewerId, alreadyVoted: !added);
        if (!check.Allowed)
        {
            await context.ReplyAsync(check.Reason!, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync("Marked as helpful: it counts toward the reviewer's points.", cancellationToken: cancellationToken).ConfigureAwait(false);
        var updated = await reviews.GetAsync(review.ReviewId, cancellationToken).ConfigureAwait(false);
        if (updated is not null && await activity.FindReviewMessageAsync(review.ReviewId, cancellationToken).ConfigureAwait(false) is { } where)
        {
            try
            {
                await rest.EditMessageAsync(new Snowflake(where.ChannelId), new Snowflake(where.MessageId), new MessageEdit
                {
                    Components = ReviewMessages.HelpfulButton(updated.ReviewId, updated.HelpfulVotes),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException e)
            {
                LogCountNotShown(logger, e, review.ReviewId);
            }
        }
    }

    /// <summary>Posts the review in the thread, or edits its earlier message; tells the author on a new review.</summary>
    private async Task<bool> PostAsync(ScoredAnswer answer, ReviewUpsert saved, CancellationToken cancellationToken)
    {
        var settings = await guildSettings.GetAsync(answer.GuildId, cancellationToken).ConfigureAwait(false);
        var anonymous = settings.AnonymousReviews && answer.IsPrivate;
        var embed = ReviewMessages.ReviewEmbed(saved.Review, answer.UserId, anonymous);
        var components = ReviewMessages.HelpfulButton(saved.Review.ReviewId, saved.Review.HelpfulVotes);
        try
        {
            if (!saved.Created && await activity.FindReviewMessageAsync(saved.Review.ReviewId, cancellationToken).ConfigureAwait(false) is { } where)
            {
                try
                {
                    await rest.EditMessageAsync(new Snowflake(where.ChannelId), new Snowflake(where.MessageId), new MessageEdit
                    {
                        Embeds = [embed],
                        Components = components,
                    }, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (DiscordApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    // The earlier message was deleted: post the review again below.
                }
            }

            var notify = saved.Created && (await memberSettings.GetAsync(answer.GuildId, answer.UserId, cancellationToken).ConfigureAwait(false)).Notifications;
            var author = answer.UserId.ToString(CultureInfo.InvariantCulture);
            var message = await rest.CreateMessageAsync(new Snowflake(answer.ThreadId ?? answer.ChannelId), new MessageCreate
            {
                Content = notify ? $"<@{author}>, your answer has a new review." : null,
                Embeds = [embed],
                Components = components,
                AllowedMentions = notify ? AllowedMentions.OnlyUsers(new Snowflake(answer.UserId)) : AllowedMentions.None,
            }, cancellationToken).ConfigureAwait(false);
            await activity.SetReviewMessageAsync(saved.Review.ReviewId, message.ChannelId.Value, message.Id.Value, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DiscordApiException e)
        {
            LogReviewNotPosted(logger, e, saved.Review.ReviewId);
            return false;
        }
    }

    private static int Mark(InteractionContext context, string field) =>
        int.TryParse(context.Data.GetModalValue(field)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review {ReviewId} was saved but could not be posted in its thread")]
    private static partial void LogReviewNotPosted(ILogger logger, Exception exception, long reviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Helpful count of review {ReviewId} could not be updated on its message")]
    private static partial void LogCountNotShown(ILogger logger, Exception exception, long reviewId);
}
