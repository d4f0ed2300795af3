using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Community;

/// <summary>
/// The question modal shared by <c>/question suggest</c>, <c>/question add</c>, <c>/question edit</c> and the staff
/// <b>Edit</b> button: prompt, reference answer, category, difficulty, and optional key points one per line
/// (<c>label: phrase, phrase</c>, or just a label that is also its phrase).
/// </summary>
public static class QuestionForm
{
    public const string PromptField = "prompt";
    public const string AnswerField = "answer";
    public const string CategoryField = "category";
    public const string DifficultyField = "difficulty";
    public const string KeyPointsField = "key_points";

    // Discord's text input limit is 4,000 characters, below the embed's 4,096.
    private const int MaxInputLength = 4000;

    public static IReadOnlyList<Component> Components(QuestionFormInput? prefill = null) =>
    [
        ActionRow.Of(new TextInput
        {
            CustomId = PromptField,
            Style = TextInputStyle.Paragraph,
            Label = "Question",
            MinLength = 10,
            MaxLength = QuestionLimits.PromptLength,
            Required = true,
            Value = prefill?.Prompt,
        }),
        ActionRow.Of(new TextInput
        {
            CustomId = AnswerField,
            Style = TextInputStyle.Paragraph,
            Label = "Reference answer",
            MinLength = 20,
            MaxLength = MaxInputLength,
            Required = true,
            Value = prefill?.Answer,
        }),
        ActionRow.Of(new TextInput
        {
            CustomId = CategoryField,
            Style = TextInputStyle.Short,
            Label = "Category (e.g. caching, databases)",
            MinLength = 1,
            MaxLength = 40,
            Required = true,
            Value = prefill?.Category,
        }),
        ActionRow.Of(new TextInput
        {
            CustomId = DifficultyField,
            Style = TextInputStyle.Short,
            Label = "Difficulty: easy, medium or hard",
            MinLength = 4,
            MaxLength = 6,
            Required = true,
            Value = prefill?.Difficulty,
        }),
        ActionRow.Of(new TextInput
        {
            CustomId = KeyPointsField,
            Style = TextInputStyle.Paragraph,
            Label = "Key points, one per line (optional)",
            Placeholder = "Expiry: ttl, expire\nJitter: jitter, random offset",
            MaxLength = 1000,
            Required = false,
            Value = string.IsNullOrEmpty(prefill?.KeyPoints) ? null : prefill.KeyPoints,
        }),
    ];

    public static Task ShowAsync(InteractionContext context, string customId, string title, QuestionFormInput? prefill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ShowModalAsync(customId, title, Components(prefill), cancellationToken);
    }

    public static QuestionFormInput Read(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new QuestionFormInput(
            data.GetModalValue(PromptField) ?? string.Empty,
            data.GetModalValue(AnswerField) ?? string.Empty,
            data.GetModalValue(CategoryField) ?? string.Empty,
            data.GetModalValue(DifficultyField) ?? string.Empty,
            data.GetModalValue(KeyPointsField) ?? string.Empty);
    }

    /// <summary>The form filled with a question; derived key points are left out so they are derived again from the edited answer.</summary>
    public static QuestionFormInput From(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var authored = question.KeyPoints.Where(k => !k.Derived).ToList();
        return new QuestionFormInput(
            question.Prompt,
            question.Answer.Length <= MaxInputLength ? question.Answer : question.Answer[..MaxInputLength],
            question.Category,
            question.Difficulty.ToName(),
            KeyPointLines.Format(authored));
    }
}
