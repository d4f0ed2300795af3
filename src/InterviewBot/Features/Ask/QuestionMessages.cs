using System.Globalization;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Ask;

/// <summary>How a question looks in Discord: the embed, its buttons and the thread name. Shared by /ask and the daily post.</summary>
public static class QuestionMessages
{
    public const string Feature = "prompt";
    public const string AnswerPrivatelyAction = "private";
    public const string HintAction = "hint";
    public const string RevealAction = "reveal";
    public const string SubmitAction = "submit";

    private const int QuestionColor = 0x5865F2;
    private const int RevealedColor = 0x57F287;

    public static Embed QuestionEmbed(Question question, DateTimeOffset? revealAt, bool revealed = false, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var description = new List<string>();
        if (question.Code is { } code)
        {
            description.Add($"```{question.CodeLanguage}\n{code.Replace("```", "``\u200b`", StringComparison.Ordinal)}\n```");
        }

        description.Add(revealed
            ? "✅ **Revealed.** The reference answer and everyone's coverage are in the thread."
            : revealAt is { } at
                ? $"Answer in the thread below. The reference answer is revealed <t:{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>."
                : "Answer in the thread below. The reference answer is revealed on request.");
        if (note is not null)
        {
            description.Add(note);
        }

        return new Embed
        {
            Title = DiscordText.Truncate(question.Prompt, 256),
            Description = string.Join("\n\n", description),
            Color = revealed ? RevealedColor : QuestionColor,
            Fields =
            [
                new EmbedField { Name = "Category", Value = question.Category, Inline = true },
                new EmbedField { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true },
            ],
            Footer = new EmbedFooter { Text = $"Question {question.Id}" },
        };
    }

    public static IReadOnlyList<Component> QuestionButtons(bool revealed) =>
    [
        ActionRow.Of(
            new Button { Style = ButtonStyle.Primary, Label = "Answer privately", CustomId = CustomId.Format(Feature, AnswerPrivatelyAction), Disabled = revealed },
            new Button { Style = ButtonStyle.Secondary, Label = "Hint", CustomId = CustomId.Format(Feature, HintAction), Disabled = revealed },
            new Button { Style = ButtonStyle.Success, Label = "Reveal", CustomId = CustomId.Format(Feature, RevealAction), Disabled = revealed }),
    ];

    /// <summary>"Q: " and the prompt as one line, sanitised and at most 100 characters.</summary>
    public static string ThreadName(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return DiscordText.SanitizeThreadName(DiscordText.Truncate("Q: " + question.Prompt.ReplaceLineEndings(" "), 100), "Question thread");
    }
}
