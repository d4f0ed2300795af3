using System.Globalization;
using System.Text;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Practice.Discord;
using InterviewBot.Storage;

namespace InterviewBot.Features.Interview;

/// <summary>How an interview looks in its thread: the question with its deadline and buttons, the feedback, the summary.</summary>
public static class InterviewMessages
{
    public const string Feature = "interview";
    public const string DoneAction = "done";
    public const string SkipAction = "skip";
    public const string StopAction = "stop";

    private const int QuestionColor = 0x5865F2;
    private const int FeedbackColor = 0x57F287;
    private const int SummaryColor = 0xFEE75C;

    public static MessageCreate Question(InterviewSession session, int index, Question question, DateTimeOffset deadline) =>
        new()
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate($"Question {Number(index, session)}: {question.Prompt}", 256),
                    Description = QuestionBody(question, deadline),
                    Color = QuestionColor,
                    Fields =
                    [
                        new EmbedField { Name = "Category", Value = question.Category, Inline = true },
                        new EmbedField { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true },
                    ],
                    Footer = new EmbedFooter { Text = $"Question {question.Id}" },
                },
            ],
            Components = [Buttons(session.SessionId, index, disabled: false)],
        };

    public static ActionRow Buttons(long sessionId, int index, bool disabled)
    {
        var session = sessionId.ToString(CultureInfo.InvariantCulture);
        var number = index.ToString(CultureInfo.InvariantCulture);
        return ActionRow.Of(
            new Button { Style = ButtonStyle.Success, Label = "Done", CustomId = CustomId.Format(Feature, DoneAction, session, number), Disabled = disabled },
            new Button { Style = ButtonStyle.Secondary, Label = "Skip", CustomId = CustomId.Format(Feature, SkipAction, session, number), Disabled = disabled },
            new Button { Style = ButtonStyle.Danger, Label = "Stop", CustomId = CustomId.Format(Feature, StopAction, session, number), Disabled = disabled });
    }

    public static MessageCreate Feedback(InterviewSession session, InterviewQuestion asked, Question question, CoverageResult coverage)
    {
        var text = new StringBuilder();
        text.Append(CoverageFormatter.Line("You covered", coverage, 1000)).Append('\n');
        text.Append(InterviewSummary.Describe(asked)).Append("\n\n**Reference answer**\n");
        var room = 4000 - text.Length;
        text.Append(DiscordText.Truncate(question.Answer, Math.Max(100, room)));
        return new MessageCreate
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate($"Feedback {Number(asked.QuestionIndex, session)}: {question.Prompt}", 256),
                    Description = DiscordText.Truncate(text.ToString(), 4096),
                    Color = FeedbackColor,
                    Footer = new EmbedFooter { Text = "How well did you recall it? The buttons set your spaced-repetition grade." },
                },
            ],
            Components = asked.ReviewId is { } reviewId ? [RecallButtons.Row(reviewId)] : null,
        };
    }

    public static Embed Summary(InterviewSession session, InterviewOptions? options, InterviewSummary summary)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(summary);
        var fields = summary.Lines.Take(10).Select(l => new EmbedField
        {
            Name = DiscordText.Truncate($"{l.Number.ToString(CultureInfo.InvariantCulture)}. {l.Question?.Prompt ?? l.Asked.QuestionId}", 256),
            Value = InterviewSummary.Describe(l.Asked),
        }).ToList();
        var description = new StringBuilder();
        description.Append(summary.OverallPercent is { } overall
            ? $"**Overall score: {overall.ToString(CultureInfo.InvariantCulture)} %** of key points covered."
            : "**Overall score:** nothing was scored.");
        description.Append('\n').Append(summary.WeakestCategories.Count > 0
            ? $"Weakest categories: {string.Join(", ", summary.WeakestCategories)}."
            : "No weak category this time.");
        description.Append("\nSuggested next: `/interview start track:").Append(summary.SuggestedTrack).Append('`');
        if (session.Status == InterviewSessionStatus.Abandoned)
        {
            description.Append("\n\nThe interview was stopped early.");
        }

        return new Embed
        {
            Title = $"Interview summary ({options?.Track ?? InterviewTracks.Backend})",
            Description = description.ToString(),
            Color = SummaryColor,
            Fields = fields,
            Footer = new EmbedFooter { Text = $"Session {session.SessionId.ToString(CultureInfo.InvariantCulture)} · /interview history lists your past interviews" },
        };
    }

    public static string ThreadName(string member) => DiscordText.SanitizeThreadName(DiscordText.Truncate($"Interview: {member}", 100), "Interview");

    private static string Number(int index, InterviewSession session) =>
        string.Create(CultureInfo.InvariantCulture, $"{index + 1}/{session.QuestionIds.Count}");

    private static string QuestionBody(Question question, DateTimeOffset deadline)
    {
        var body = new StringBuilder();
        if (question.Code is { } code)
        {
            body.Append("```").Append(question.CodeLanguage).Append('\n').Append(code.Replace("```", "``\u200b`", StringComparison.Ordinal)).Append("\n```\n\n");
        }

        body.Append("Answer here in one or more messages, then press **Done**. Time is up ")
            .Append("<t:").Append(deadline.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append(":R>.");
        return body.ToString();
    }
}
