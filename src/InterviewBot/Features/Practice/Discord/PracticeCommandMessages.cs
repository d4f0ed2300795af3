using System.Globalization;
using System.Text;
using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>What /practice shows: the ephemeral question with its <b>Answer</b> button, the modal, and the result.</summary>
public static class PracticeCommandMessages
{
    public const string Feature = "practice";
    public const string AnswerAction = "answer";
    public const string SubmitAction = "submit";
    public const string NextAction = "next";
    public const string AnswerField = "answer";
    public const int MaxAnswerLength = 4000;

    public static MessageCreate Question(PracticeItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var question = item.Question;
        var body = new StringBuilder();
        if (question.Code is { } code)
        {
            body.Append("```").Append(question.CodeLanguage).Append('\n').Append(code.Replace("```", "``\u200b`", StringComparison.Ordinal)).Append("\n```\n\n");
        }

        body.Append(item.State is { } state
            ? $"🔁 Due for review since <t:{state.DueAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>{(state.DueAt < now.AddDays(-1) ? " (overdue)" : string.Empty)}."
            : "🆕 A question you have not answered yet.");
        body.Append("\nPress **Answer** to write your answer; it is scored against the key points.");
        return new MessageCreate
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate(question.Prompt, 256),
                    Description = DiscordText.Truncate(body.ToString(), 4096),
                    Fields =
                    [
                        new EmbedField { Name = "Category", Value = question.Category, Inline = true },
                        new EmbedField { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true },
                    ],
                    Footer = new EmbedFooter { Text = $"Question {question.Id}" },
                },
            ],
            Components = [ActionRow.Of(new Button { Style = ButtonStyle.Primary, Label = "Answer", CustomId = CustomId.Format(Feature, AnswerAction, question.Id) })],
        };
    }

    public static TextInput AnswerInput() => new()
    {
        CustomId = AnswerField,
        Style = TextInputStyle.Paragraph,
        Label = "Your answer",
        MinLength = 1,
        MaxLength = MaxAnswerLength,
        Required = true,
    };

    public static MessageCreate Result(Question question, CoverageResult coverage, long reviewId, RecallGrade grade, RepetitionState state)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(coverage);
        var text = new StringBuilder();
        text.Append(CoverageFormatter.Line("You covered", coverage, 1000)).Append('\n')
            .Append("Graded **").Append(grade).Append("**: ").Append(RecallButtons.NextReview(state)).Append(". Disagree? Pick your own grade below.\n\n**Reference answer**\n");
        text.Append(DiscordText.Truncate(question.Answer, Math.Max(100, 4000 - text.Length)));
        return new MessageCreate
        {
            Embeds = [new Embed { Title = DiscordText.Truncate(question.Prompt, 256), Description = DiscordText.Truncate(text.ToString(), 4096) }],
            Components =
            [
                RecallButtons.Row(reviewId),
                ActionRow.Of(new Button { Style = ButtonStyle.Primary, Label = "Next question", CustomId = CustomId.Format(Feature, NextAction) }),
            ],
        };
    }
}
