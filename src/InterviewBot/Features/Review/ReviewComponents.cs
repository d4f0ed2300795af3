using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Review;

/// <summary>The answer picker under a reveal, the <b>Review this answer</b> button, the rubric modal and the <b>Helpful</b> button.</summary>
public sealed class ReviewComponents(ReviewService reviews) : IComponentHandler
{
    public string Feature => ReviewMessages.Feature;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        switch (customId.Action)
        {
            case ReviewMessages.PickAction:
                var picked = context.Data.Values is [var value] && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
                await reviews.OpenAsync(context, picked, cancellationToken).ConfigureAwait(false);
                break;
            case ReviewMessages.OpenAction:
                await reviews.OpenAsync(context, customId.ArgInt64(0), cancellationToken).ConfigureAwait(false);
                break;
            case ReviewMessages.SubmitAction:
                await reviews.SubmitAsync(context, customId.ArgInt64(0), cancellationToken).ConfigureAwait(false);
                break;
            case ReviewMessages.HelpfulAction:
                await reviews.HelpfulAsync(context, customId.ArgInt64(0), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
