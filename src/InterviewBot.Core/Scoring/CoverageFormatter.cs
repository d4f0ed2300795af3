using System.Text;

namespace InterviewBot.Core.Scoring;

/// <summary>The one-line summaries members see: <c>alice 4/5 ✅ TTL ✅ eviction ❌ stampede</c>.</summary>
public static class CoverageFormatter
{
    public const string CoveredMark = "✅";
    public const string MissedMark = "❌";

    /// <summary>
    /// <paramref name="who"/> followed by the count and each key point with its mark, cut at a whole key point so
    /// it fits in <paramref name="maxLength"/> characters (ending with "…" when cut).
    /// </summary>
    public static string Line(string who, CoverageResult coverage, int maxLength = 1024)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(coverage);
        var line = new StringBuilder();
        line.Append(who).Append(' ').Append(coverage.Covered).Append('/').Append(coverage.Total);
        foreach (var point in coverage.Points)
        {
            var part = $" {(point.Covered ? CoveredMark : MissedMark)} {point.KeyPoint.Label}";
            if (line.Length + part.Length + 2 > maxLength)
            {
                line.Append(" …");
                break;
            }

            line.Append(part);
        }

        return line.ToString();
    }

    /// <summary>The key points as a Markdown list for the reveal (labels only; phrases are the scorer's business).</summary>
    public static string KeyPointList(IEnumerable<Questions.KeyPoint> keyPoints)
    {
        ArgumentNullException.ThrowIfNull(keyPoints);
        return string.Join('\n', keyPoints.Select((k, i) => $"{i + 1}. {k.Label}"));
    }
}
