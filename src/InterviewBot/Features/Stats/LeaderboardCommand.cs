using System.Globalization;
using System.Text;
using InterviewBot.Core.Reviews;
using InterviewBot.Core.Stats;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Review;
using InterviewBot.Storage;

namespace InterviewBot.Features.Stats;

/// <summary>
/// <c>/leaderboard [period] [metric]</c>: the top 10 plus the caller's own rank, ties broken by
/// <see cref="Leaderboard"/> and the rule stated under the board. Metrics: <c>score</c> (sum of answer scores,
/// docs/scoring.md), <c>answers</c>, <c>reviews</c> (reviewer points) and <c>streak</c> (current streaks).
/// </summary>
public sealed class LeaderboardCommand(
    IStatsStore stats,
    IReviewActivityStore activity,
    StreakService streaks,
    GuildClock clock,
    TimeProvider time) : ICommandHandler
{
    public const int Top = 10;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "leaderboard",
        Description = "The server's top 10 and your own rank.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = "period",
                Description = "This week, this month or all time (default: all).",
                Choices = [Choice("week"), Choice("month"), Choice("all")],
            },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = "metric",
                Description = "What to rank by (default: score).",
                Choices = [Choice("score"), Choice("answers"), Choice("reviews"), Choice("streak")],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var period = context.StringOption("period") switch
        {
            "week" => LeaderboardPeriod.Week,
            "month" => LeaderboardPeriod.Month,
            _ => LeaderboardPeriod.All,
        };
        var metric = context.StringOption("metric") ?? "score";
        var entries = await EntriesAsync(context.GuildId, period, metric, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var ranked = Leaderboard.Rank(entries);
        var (top, caller) = Leaderboard.TopWithCaller(ranked, context.UserId, Top);

        var text = new StringBuilder();
        if (top.Count == 0)
        {
            text.Append("Nobody is on this board yet.");
        }

        foreach (var row in top)
        {
            text.Append(Line(row, metric, row.Entry.MemberId == context.UserId)).Append('\n');
        }

        if (caller is not null)
        {
            text.Append("…\n").Append(Line(caller, metric, you: true)).Append('\n');
        }
        else if (top.Count > 0 && !top.Any(r => r.Entry.MemberId == context.UserId))
        {
            text.Append("\nYou are not on this board yet.");
        }

        var footer = Leaderboard.TieRule + (metric == "streak" ? " Streaks are current streaks, whatever the period." : string.Empty);
        await context.ReplyAsync(new MessageCreate
        {
            Embeds =
            [
                new Embed
                {
                    Title = $"Leaderboard · {MetricName(metric)} · {LeaderboardPeriods.Describe(period)}",
                    Description = text.ToString().TrimEnd(),
                    Footer = new EmbedFooter { Text = footer },
                    Color = 0xFEE75C,
                },
            ],
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everyone active in the period with their value for the metric and their answers (the tie-breaker).</summary>
    public async Task<IReadOnlyList<LeaderboardEntry>> EntriesAsync(ulong guildId, LeaderboardPeriod period, string metric, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(guildId, cancellationToken).ConfigureAwait(false);
        var since = LeaderboardPeriods.Start(period, now, zone);
        var rows = await stats.GetLeaderboardAsync(guildId, since ?? DateTimeOffset.UnixEpoch, now.AddMilliseconds(1), cancellationToken).ConfigureAwait(false);
        switch (metric)
        {
            case "answers":
                return [.. rows.Where(r => r.Answers > 0).Select(r => new LeaderboardEntry(r.UserId, r.Answers, r.Answers))];
            case "reviews":
                return [.. rows.Where(r => r.ReviewsGiven > 0 || r.HelpfulVotesReceived > 0)
                    .Select(r => new LeaderboardEntry(r.UserId, ReviewRules.ReviewerPoints(r.ReviewsGiven, r.HelpfulVotesReceived), r.Answers))];
            case "streak":
                var result = new List<LeaderboardEntry>();
                foreach (var row in rows.Where(r => r.Answers > 0))
                {
                    var streak = await streaks.ComputeAsync(guildId, row.UserId, now, cancellationToken).ConfigureAwait(false);
                    if (streak.Current > 0)
                    {
                        result.Add(new LeaderboardEntry(row.UserId, streak.Current, row.Answers));
                    }
                }

                return result;
            default:
                // Only the columns a score needs; the reviews come from the (guild_id, created_at) index.
                var answers = await activity.ListAnswerScoreInputsAsync(guildId, since, now.AddMilliseconds(1), cancellationToken).ConfigureAwait(false);
                // Reviews of the period's answers count whenever they were written: the score is the answer's.
                var reviews = await activity.ListReviewsAsync(guildId, since, null, cancellationToken).ConfigureAwait(false);
                var scores = AnswerScores.Compute(answers, reviews);
                return [.. answers
                    .Where(a => scores.ContainsKey(a.AnswerId))
                    .GroupBy(a => a.UserId)
                    .Select(g => new LeaderboardEntry(g.Key, Math.Round(g.Sum(a => scores[a.AnswerId]), 1), g.Count()))];
        }
    }

    private static string Line(RankedEntry row, string metric, bool you)
    {
        var member = $"<@{row.Entry.MemberId.ToString(CultureInfo.InvariantCulture)}>";
        var value = row.Entry.Value.ToString("0.#", CultureInfo.InvariantCulture);
        var unit = metric switch
        {
            "answers" => "answer",
            "streak" => "day",
            _ => "point",
        };
        var plural = row.Entry.Value.Equals(1.0) ? string.Empty : "s";
        var answers = row.Entry.Answers == 1 ? "1 answer" : string.Create(CultureInfo.InvariantCulture, $"{row.Entry.Answers} answers");
        var line = string.Create(CultureInfo.InvariantCulture, $"**{row.Rank}.** {member} — {value} {unit}{plural} ({answers})");
        return you ? line + " ← you" : line;
    }

    private static string MetricName(string metric) => metric switch
    {
        "answers" => "answers",
        "reviews" => "reviewer points",
        "streak" => "streak",
        _ => "score",
    };

    private static ApplicationCommandOptionChoice Choice(string value) => ApplicationCommandOptionChoice.FromString(value, value);
}
