using System.Globalization;
using System.Text;
using InterviewBot.Core.Reviews;
using InterviewBot.Core.Stats;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Features.Review;
using InterviewBot.Storage;

namespace InterviewBot.Features.Stats;

/// <summary>
/// <c>/stats [member]</c>: answers and mean coverage, reviews given and received, helpful votes and reviewer points,
/// current and best streak, a bar per category (mean answer score) with the strongest and weakest named, and the last
/// eight weeks of activity (answers + reviews) as a sparkline.
/// </summary>
public sealed class StatsCommand(
    IStatsStore stats,
    IReviewActivityStore activity,
    QuestionCatalog catalog,
    StreakService streaks,
    GuildClock clock,
    TimeProvider time) : ICommandHandler
{
    public const int Weeks = 8;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "stats",
        Description = "Answers, coverage, reviews, streaks and categories of a member (you by default).",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Whose stats (you by default).", Required = false },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var userId = context.Data.GetOption("member")?.GetSnowflake()?.Value ?? context.UserId;
        var guildId = context.GuildId;
        var now = time.GetUtcNow();

        var totals = await stats.GetMemberStatsAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var streak = await streaks.ComputeAsync(guildId, userId, now, cancellationToken).ConfigureAwait(false);
        var zone = await clock.ZoneAsync(guildId, cancellationToken).ConfigureAwait(false);
        // Only this member's rows: their answers, the reviews of them (for the scores) and the reviews they wrote.
        var answers = await activity.ListMemberAnswersAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var reviews = await activity.ListMemberReviewsAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var mine = answers.Where(a => !a.Deleted).ToList();
        var scores = AnswerScores.Compute(mine, reviews);

        var categoryScores = new List<(string Category, double Score)>();
        foreach (var answer in mine)
        {
            if (scores.TryGetValue(answer.AnswerId, out var score)
                && await catalog.FindAsync(guildId, answer.QuestionId, cancellationToken).ConfigureAwait(false) is { } question)
            {
                categoryScores.Add((question.Category, score));
            }
        }

        var categories = CategoryStrengths.Rank(categoryScores);
        var weekly = ActivityWeeks.Count(
            mine.Select(a => a.CreatedAt).Concat(reviews.Where(r => r.ReviewerId == userId).Select(r => r.CreatedAt)),
            now,
            zone,
            Weeks);

        var who = $"<@{userId.ToString(CultureInfo.InvariantCulture)}>";
        var fields = new List<EmbedField>
        {
            Field("Answers", $"{N(totals.Answers)}{(totals.AverageCoverage is { } c ? $" · mean coverage {Percent(c * 100)}" : string.Empty)}"),
            Field("Reviews", $"{N(totals.ReviewsGiven)} given · {N(totals.ReviewsReceived)} received"),
            Field("Helpful votes", $"{N(totals.HelpfulVotesReceived)} · {N(ReviewRules.ReviewerPoints(totals.ReviewsGiven, totals.HelpfulVotesReceived))} reviewer points"),
            Field("Streak", $"{N(streak.Current)} current · {N(streak.Best)} best{(streak.FreezesUsed > 0 ? $" · {N(streak.FreezesUsed)} freeze{(streak.FreezesUsed == 1 ? string.Empty : "s")} used" : string.Empty)}"),
        };
        if (categories.Count > 0)
        {
            var width = categories.Max(c => c.Category.Length);
            var chart = new StringBuilder("```\n");
            foreach (var category in categories)
            {
                chart.Append(category.Category.PadRight(width)).Append(' ').Append(TextCharts.Bar(category.MeanScore)).Append('\n');
            }

            chart.Append("```");
            var summary = categories.Count == 1
                ? $"Only **{categories[0].Category}** so far."
                : $"Strongest **{categories[0].Category}** · weakest **{categories[^1].Category}**";
            fields.Add(new EmbedField { Name = "Categories (mean answer score)", Value = DiscordText.Truncate(summary + "\n" + chart, 1024) });
        }

        fields.Add(Field($"Last {Weeks} weeks", $"`{TextCharts.Sparkline(weekly)}` {N(weekly[^1])} this week"));
        await context.ReplyAsync(new MessageCreate
        {
            Embeds = [new Embed { Title = "Stats", Description = who, Fields = fields, Color = 0xFEE75C }],
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static EmbedField Field(string name, string value) => new() { Name = name, Value = value, Inline = true };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
