using InterviewBot.Core.Questions;

namespace InterviewBot.Features.Community;

/// <summary>
/// Key points typed in the form, one per line: <c>label: phrase, phrase</c>, or a bare label that is its own phrase.
/// Blank lines and a leading "-" or "•" are ignored.
/// </summary>
public static class KeyPointLines
{
    public static IReadOnlyList<KeyPoint> Parse(string text, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var points = new List<KeyPoint>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim().TrimStart('-', '•', '*').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var label = (colon < 0 ? line : line[..colon]).Trim();
            var phrases = colon < 0
                ? [label]
                : line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (label.Length == 0)
            {
                problems.Add($"The key point line '{Shorten(line)}' has no label before the ':'.");
                continue;
            }

            if (label.Length > QuestionLimits.KeyPointLabelLength)
            {
                problems.Add($"The key point '{Shorten(label)}' is {label.Length} characters; keep labels to {QuestionLimits.KeyPointLabelLength}.");
                continue;
            }

            points.Add(new KeyPoint(label, phrases.Length == 0 ? [label] : phrases));
        }

        if (points.Count > 0 && points.Count is < QuestionLimits.MinKeyPoints or > QuestionLimits.MaxKeyPoints)
        {
            problems.Add($"Give {QuestionLimits.MinKeyPoints} to {QuestionLimits.MaxKeyPoints} key points (you gave {points.Count}), or none to have them derived from the answer.");
        }

        return points;
    }

    public static string Format(IEnumerable<KeyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return string.Join('\n', points.Select(p => p.Phrases.Count == 1 && string.Equals(p.Phrases[0], p.Label, StringComparison.Ordinal)
            ? p.Label
            : $"{p.Label}: {string.Join(", ", p.Phrases)}"));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
