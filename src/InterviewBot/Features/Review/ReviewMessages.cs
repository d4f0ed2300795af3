using System.Globalization;
using System.Text;
using InterviewBot.Core.Reviews;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Review;

/// <summary>The review feature's custom_ids, the rubric modal, the review embed and the answer picker under a reveal.</summary>
public static class ReviewMessages
{
    public const string Feature = "review";
    public const string PickAction = "pick";
    public const string OpenAction = "open";
    public const string SubmitAction = "submit";
    public const string HelpfulAction = "helpful";

    public const string CorrectnessField = "correctness";
    public const string DepthField = "depth";
    public const string ClarityField = "clarity";
    public const string CommentField = "comment";

    /// <summary>Discord allows 25 options in a select menu.</summary>
    public const int MaxPickerOptions = 25;

    private const int ReviewColor = 0x5865F2;

    /// <summary>
    /// The select menu posted under a reveal's coverage lines: option <c>n</c> is the answer on coverage line <c>n</c>.
    /// Null when there is nothing to review.
    /// </summary>
    public static MessageCreate? AnswerPicker(long promptId, IReadOnlyList<(long AnswerId, int Covered, int Total)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return null;
        }

        var options = answers.Take(MaxPickerOptions).Select((a, i) => new SelectOption
        {
            Label = string.Create(CultureInfo.InvariantCulture, $"Answer {i + 1} ({a.Covered}/{a.Total} key points)"),
            Value = a.AnswerId.ToString(CultureInfo.InvariantCulture),
            Description = string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} of the coverage list above"),
        }).ToList();
        return new MessageCreate
        {
            Content = "**Peer review is open.** Pick an answer to rate it (correctness, depth and trade-offs, clarity), or run `/review next`.",
            Components =
            [
                ActionRow.Of(new StringSelect
                {
                    CustomId = CustomId.Format(Feature, PickAction, promptId.ToString(CultureInfo.InvariantCulture)),
                    Placeholder = "Review an answer…",
                    Options = options,
                    MinValues = 1,
                    MaxValues = 1,
                }),
            ],
        };
    }

    /// <summary>The rubric modal; an earlier review by the same member pre-fills it (submitting again edits it).</summary>
    public static IReadOnlyList<Component> RubricModal(Storage.Review? previous) =>
    [
        ActionRow.Of(MarkInput(CorrectnessField, "Correctness (1-5)", previous?.Correctness)),
        ActionRow.Of(MarkInput(DepthField, "Depth and trade-offs (1-5)", previous?.Depth)),
        ActionRow.Of(MarkInput(ClarityField, "Clarity (1-5)", previous?.Clarity)),
        ActionRow.Of(new TextInput
        {
            CustomId = CommentField,
            Style = TextInputStyle.Paragraph,
            Label = "Comment (optional)",
            Required = false,
            MaxLength = ReviewRules.MaxCommentLength,
            Value = previous?.Comment,
        }),
    ];

    public static string SubmitId(long answerId) => CustomId.Format(Feature, SubmitAction, answerId.ToString(CultureInfo.InvariantCulture));

    public static string OpenId(long answerId) => CustomId.Format(Feature, OpenAction, answerId.ToString(CultureInfo.InvariantCulture));

    public static string HelpfulId(long reviewId) => CustomId.Format(Feature, HelpfulAction, reviewId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The compact embed that shows a review in the thread; the reviewer is hidden when <paramref name="anonymous"/>.</summary>
    public static Embed ReviewEmbed(Storage.Review review, ulong authorId, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(review);
        var by = anonymous ? "an anonymous reviewer" : $"<@{review.ReviewerId.ToString(CultureInfo.InvariantCulture)}>";
        var text = new StringBuilder()
            .Append("Review of <@").Append(authorId.ToString(CultureInfo.InvariantCulture)).Append(">'s answer by ").Append(by).Append('\n')
            .Append(string.Create(CultureInfo.InvariantCulture, $"Correctness **{review.Correctness}/5** · Depth **{review.Depth}/5** · Clarity **{review.Clarity}/5**"));
        if (review.Comment is { Length: > 0 } comment)
        {
            text.Append("\n> ").Append(comment.ReplaceLineEndings("\n> "));
        }

        return new Embed
        {
            Title = review.CreatedAt == review.UpdatedAt ? "Peer review" : "Peer review (edited)",
            Description = DiscordText.Truncate(text.ToString(), 4096),
            Color = ReviewColor,
        };
    }

    public static IReadOnlyList<Component> HelpfulButton(long reviewId, int votes) =>
    [
        ActionRow.Of(new Button
        {
            Style = ButtonStyle.Secondary,
            Label = string.Create(CultureInfo.InvariantCulture, $"Helpful ({votes})"),
            Emoji = new Emoji { Name = "👍" },
            CustomId = HelpfulId(reviewId),
        }),
    ];

    private static TextInput MarkInput(string id, string label, int? value) => new()
    {
        CustomId = id,
        Style = TextInputStyle.Short,
        Label = label,
        MinLength = 1,
        MaxLength = 1,
        Required = true,
        Placeholder = "1 = poor, 5 = excellent",
        Value = value?.ToString(CultureInfo.InvariantCulture),
    };
}
