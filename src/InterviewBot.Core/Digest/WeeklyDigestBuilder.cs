using System.Globalization;
using System.Text;

namespace InterviewBot.Core.Digest;

/// <summary>
/// Builds a guild's weekly digest: per question the number of members who answered and the highest-scored answer
/// (ties: the earliest), the top three reviewers, and totals; and renders it as Markdown for one embed description.
/// Weeks run Monday to Sunday in the guild's time zone.
/// </summary>
public static class WeeklyDigestBuilder
{
    /// <summary>Discord's embed description limit.</summary>
    public const int MaxMarkdownLength = 4096;

    public const int TopReviewerCount = 3;

    /// <summary>A question title longer than this is cut with "…" in the rendering: the thread holds the full text.</summary>
    public const int MaxTitleLength = 120;

    private static readonly string[] Medals = ["🥇", "🥈", "🥉"];

    /// <summary>The Monday of the week that contains <paramref name="instant"/>, in <paramref name="zone"/>.</summary>
    public static DateOnly WeekStartOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return MondayOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
    }

    /// <summary>"Week of 23 Nov 2026": the week's Monday, in English whatever the host's culture.</summary>
    public static string WeekLabel(DateOnly weekStart) =>
        "Week of " + weekStart.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The digest of the week starting on <paramref name="weekStart"/> (a Monday in <paramref name="zone"/>).
    /// Prompts posted outside that week (local dates) are left out, and so are answers to prompts not in the week;
    /// reviews are taken as given, the caller selects the week's.
    /// </summary>
    public static WeeklyDigest Build(
        DateOnly weekStart,
        TimeZoneInfo zone,
        IEnumerable<DigestPrompt> prompts,
        IEnumerable<DigestAnswer> answers,
        IEnumerable<DigestReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(reviews);
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"a week starts on a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}", nameof(weekStart));
        }

        var weekEnd = weekStart.AddDays(7);
        var week = prompts
            .Where(p =>
            {
                var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.PostedAt, zone).DateTime);
                return local >= weekStart && local < weekEnd;
            })
            .OrderBy(p => p.PostedAt)
            .ThenBy(p => p.PromptId)
            .ToList();
        var promptIds = week.Select(p => p.PromptId).ToHashSet();
        var weekAnswers = answers.Where(a => promptIds.Contains(a.PromptId)).ToList();
        var byPrompt = weekAnswers.ToLookup(a => a.PromptId);

        var questions = week.Select(p => new DigestQuestion(
                p,
                byPrompt[p.PromptId].Select(a => a.AuthorId).Distinct().Count(),
                byPrompt[p.PromptId]
                    .OrderByDescending(a => a.Score)
                    .ThenBy(a => a.CreatedAt)
                    .ThenBy(a => a.AuthorId)
                    .FirstOrDefault()))
            .ToList();

        var reviewList = reviews.ToList();
        var topReviewers = reviewList
            .GroupBy(r => r.ReviewerId)
            .Select(g => new DigestReviewer(g.Key, g.Count()))
            .OrderByDescending(r => r.Reviews)
            .ThenBy(r => r.ReviewerId)
            .Take(TopReviewerCount)
            .ToList();

        return new WeeklyDigest(
            weekStart,
            WeekLabel(weekStart),
            questions,
            topReviewers,
            weekAnswers.Count,
            weekAnswers.Select(a => a.AuthorId).Distinct().Count(),
            reviewList.Count);
    }

    /// <summary>
    /// The digest as Markdown of at most <paramref name="maxLength"/> characters. When the questions do not all fit,
    /// the last ones are replaced by a line saying how many more there were; totals and reviewers always stay.
    /// Members are shown as mentions, which render as names in an embed and notify nobody.
    /// </summary>
    public static string RenderMarkdown(WeeklyDigest digest, int maxLength = MaxMarkdownLength)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 100);

        var header = new StringBuilder()
            .Append("## 📅 ").Append(digest.WeekLabel).Append('\n')
            .Append(Totals(digest)).Append('\n');
        var footer = new StringBuilder();
        if (digest.TopReviewers.Count > 0)
        {
            footer.Append("\n### Top reviewers\n");
            for (var i = 0; i < digest.TopReviewers.Count; i++)
            {
                var reviewer = digest.TopReviewers[i];
                footer.Append(Medals[i]).Append(" <@").Append(reviewer.ReviewerId.ToString(CultureInfo.InvariantCulture)).Append("> — ")
                    .Append(Count(reviewer.Reviews, "review")).Append('\n');
            }
        }

        if (digest.Questions.Count == 0)
        {
            header.Append("\nNo questions were posted this week.\n");
            return Fit(header.Append(footer).ToString().TrimEnd(), maxLength);
        }

        header.Append("\n### Questions\n");
        var blocks = digest.Questions.Select((q, i) => Block(q, i + 1)).ToList();
        var body = new StringBuilder();
        var shown = 0;
        for (; shown < blocks.Count; shown++)
        {
            var remaining = blocks.Count - shown - 1;
            var tail = remaining == 0 ? 0 : MoreLine(remaining).Length;
            // Every piece ends with one '\n', which the final TrimEnd removes: hence the - 1.
            if (header.Length + body.Length + blocks[shown].Length + tail + footer.Length - 1 > maxLength)
            {
                break;
            }

            body.Append(blocks[shown]);
        }

        if (shown < blocks.Count)
        {
            body.Append(MoreLine(blocks.Count - shown));
        }

        return Fit(header.Append(body).Append(footer).ToString().TrimEnd(), maxLength);
    }

    /// <summary>The last week (Monday to Sunday, in <paramref name="zone"/>) that has ended by the end of <paramref name="instant"/>'s local day.</summary>
    public static DateOnly LastCompleteWeekStart(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return MondayOf(localDate.AddDays(1)).AddDays(-7);
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Totals(WeeklyDigest digest) =>
        $"**{Count(digest.Questions.Count, "question")} · {Count(digest.TotalAnswers, "answer")} from {Count(digest.TotalParticipants, "member")} · {Count(digest.TotalReviews, "review")}**";

    private static string Block(DigestQuestion question, int number)
    {
        var block = new StringBuilder()
            .Append("**").Append(number.ToString(CultureInfo.InvariantCulture)).Append(". [")
            .Append(Title(question.Prompt.Title)).Append("](").Append(question.Prompt.ThreadLink).Append(")**\n");
        if (question.BestAnswer is not { } best)
        {
            return block.Append("Nobody answered this one yet.\n").ToString();
        }

        return block
            .Append(Count(question.Participants, "member")).Append(" answered · top answer by <@")
            .Append(best.AuthorId.ToString(CultureInfo.InvariantCulture)).Append("> (score ")
            .Append(best.Score.ToString("0.#", CultureInfo.InvariantCulture)).Append(") · [read it](").Append(best.Link).Append(")\n")
            .ToString();
    }

    private static string MoreLine(int more) => $"…and {Count(more, "more question")}: see the channel for the rest.\n";

    /// <summary>The prompt's first line, Markdown characters escaped so they cannot break the link, cut politely.</summary>
    private static string Title(string prompt)
    {
        var line = prompt.Trim().Split('\n')[0].Trim();
        if (line.Length > MaxTitleLength)
        {
            line = line[..(MaxTitleLength - 1)].TrimEnd() + "…";
        }

        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '~' or '|' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    /// <summary>Last resort when even the header and reviewers exceed the limit (a tiny <c>maxLength</c>): cut with "…".</summary>
    private static string Fit(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
