using System.Globalization;
using InterviewBot.Core.Reviews;
using InterviewBot.Core.Text;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Review;

/// <summary>
/// <c>/review next</c>: an answer the caller did not write and has not reviewed, the one with the fewest reviews in the
/// last 14 days first (<see cref="ReviewQueue"/>), shown ephemerally with its question and reference answer and a
/// button that opens the rubric.
/// </summary>
public sealed class ReviewCommand(
    IReviewActivityStore activity,
    IAnswerStore answers,
    QuestionCatalog catalog,
    TimeProvider time) : ICommandHandler
{
    /// <summary>Candidate answers read per query: <c>/review next</c> never loads more than this at once.</summary>
    public const int PageSize = 20;

    private const int FieldLimit = 1024;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "review",
        Description = "Peer review of other members' answers.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "next",
                Description = "Review the answer that needs a review most (one you did not write or review yet).",
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        // The store filters and orders in SQL and hands over one page at a time; ReviewQueue orders each page again
        // (same rule, so the same order), and a later page is read only when every answer of this one had to be
        // skipped (no content left, question gone from the catalog).
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await activity.ListReviewCandidatesAsync(
                context.GuildId, context.UserId, now - ReviewQueue.RecentWindow, PageSize, offset, cancellationToken).ConfigureAwait(false);
            var reviews = (await activity.ListReviewsOfAnswersAsync([.. page.Select(a => a.AnswerId)], cancellationToken).ConfigureAwait(false))
                .ToLookup(r => r.AnswerId);
            var candidates = page.Select(a => new ReviewCandidate(
                a.AnswerId,
                a.UserId,
                a.PromptId,
                a.CreatedAt,
                [.. reviews[a.AnswerId].Select(r => r.CreatedAt)],
                [.. reviews[a.AnswerId].Select(r => r.ReviewerId)],
                a.Deleted));
            foreach (var next in ReviewQueue.Order(candidates, context.UserId, now))
            {
                var scored = page.First(a => a.AnswerId == next.AnswerId);
                if (await ReplyWithAsync(context, next, scored, now, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        await context.ReplyAsync("Nothing to review right now: you have reviewed every revealed answer you did not write. 🎉", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ReplyWithAsync(InteractionContext context, ReviewCandidate next, ScoredAnswer scored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = await answers.GetAsync(next.AnswerId, cancellationToken).ConfigureAwait(false);
        var question = await catalog.FindAsync(context.GuildId, scored.QuestionId, cancellationToken).ConfigureAwait(false);
        if (answer is not { HasContent: true } || question is null)
        {
            return false;
        }

        var recent = ReviewQueue.RecentReviews(next, now);
        var link = $"https://discord.com/channels/{context.GuildId.ToString(CultureInfo.InvariantCulture)}/{(scored.ThreadId ?? scored.ChannelId).ToString(CultureInfo.InvariantCulture)}";
        await context.ReplyAsync(new MessageCreate
        {
            Embeds =
            [
                new Embed
                {
                    Title = "Review this answer",
                    Description = DiscordText.Truncate($"**Question** ([thread]({link}))\n{question.Prompt}", 4096),
                    Fields =
                    [
                        new EmbedField { Name = "Answer", Value = DiscordText.Truncate(answer.Content, FieldLimit) },
                        new EmbedField { Name = "Reference answer", Value = DiscordText.Truncate(MarkdownChunker.Split(question.Answer, FieldLimit)[0], FieldLimit) },
                    ],
                    Footer = new EmbedFooter
                    {
                        Text = string.Create(CultureInfo.InvariantCulture, $"{recent} review{(recent == 1 ? string.Empty : "s")} in the last 14 days · you earn {ReviewRules.PointsPerReview} point per review, {ReviewRules.PointsPerHelpfulVote} per helpful vote"),
                    },
                },
            ],
            Components =
            [
                ActionRow.Of(new Button { Style = ButtonStyle.Primary, Label = "Review this answer", CustomId = ReviewMessages.OpenId(next.AnswerId) }),
            ],
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }
}
