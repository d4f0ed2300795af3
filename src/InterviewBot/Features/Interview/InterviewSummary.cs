using System.Globalization;
using InterviewBot.Core.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Interview;

/// <summary>
/// The end-of-interview numbers: per question coverage and time used, the overall score (key points covered over key
/// points asked, skipped questions excluded), the weakest categories (lowest average coverage) and the track to try next.
/// </summary>
public sealed record InterviewSummary(
    IReadOnlyList<InterviewSummary.Line> Lines,
    int? OverallPercent,
    IReadOnlyList<string> WeakestCategories,
    string SuggestedTrack)
{
    /// <summary>One question's row.</summary>
    public sealed record Line(int Number, Question? Question, InterviewQuestion Asked)
    {
        public TimeSpan? TimeUsed => Asked.EndedAt is { } ended ? ended - Asked.AskedAt : null;
    }

    public static InterviewSummary Build(IReadOnlyList<(InterviewQuestion Asked, Question? Question)> questions, string track)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var lines = questions.Select((q, i) => new Line(i + 1, q.Question, q.Asked)).ToList();
        var scored = lines.Where(l => l.Asked.IsScored && l.Asked.KeyPointCount > 0).ToList();
        int? overall = scored.Count == 0
            ? null
            : scored.Sum(l => l.Asked.CoveredCount!.Value) * 100 / scored.Sum(l => l.Asked.KeyPointCount!.Value);

        var byCategory = scored
            .Where(l => l.Question is not null)
            .GroupBy(l => l.Question!.Category, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, Percent: g.Average(l => l.Asked.CoveredCount!.Value * 100.0 / l.Asked.KeyPointCount!.Value)))
            .OrderBy(c => c.Percent)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var weakest = byCategory.Where(c => c.Percent < 80).Take(3).Select(c => c.Category).ToList();
        var suggested = weakest.Count > 0
            ? weakest[0]
            : InterviewTracks.NamedTracks.FirstOrDefault(t => t != track && t != InterviewTracks.Backend) ?? InterviewTracks.Backend;
        return new InterviewSummary(lines, overall, weakest, suggested);
    }

    public static string Describe(InterviewQuestion asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var time = asked.EndedAt is { } ended ? Duration(ended - asked.AskedAt) : "—";
        return asked.Outcome switch
        {
            InterviewQuestionOutcome.Skipped => $"⏭️ skipped · {time}",
            InterviewQuestionOutcome.Stopped => $"⏹️ stopped · {time}",
            null => "not reached",
            _ when asked.IsScored => string.Create(
                CultureInfo.InvariantCulture,
                $"{asked.CoveredCount}/{asked.KeyPointCount} key points ({Percent(asked)} %) · {time}{(asked.Outcome == InterviewQuestionOutcome.Expired ? " · time ran out" : string.Empty)}"),
            _ => $"not scored · {time}",
        };
    }

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var minutes = (int)span.TotalMinutes;
        return minutes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m {span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s");
    }

    private static int Percent(InterviewQuestion asked) =>
        asked.KeyPointCount is > 0 ? asked.CoveredCount!.Value * 100 / asked.KeyPointCount.Value : 0;
}
