using System.Text;

namespace InterviewBot.Core.Text;

/// <summary>
/// Splits Markdown into pieces no longer than a limit (Discord's 4,096-character embed description, say), at line
/// boundaries (bank answers keep each paragraph and list item on one line), and only inside a line that is itself too
/// long, at spaces. A fenced code block that has to be split is
/// closed at the end of one piece and reopened (same language) at the start of the next, so every piece renders.
/// </summary>
public static class MarkdownChunker
{
    public static IReadOnlyList<string> Split(string markdown, int limit)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 40);
        var chunks = new List<string>();
        var current = new StringBuilder();
        string? openFence = null;

        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Pieces(rawLine, limit - 16))
            {
                var trimmed = line.TrimStart();
                var isFence = trimmed.StartsWith("```", StringComparison.Ordinal);
                var closing = openFence is not null ? "\n```" : string.Empty;
                if (current.Length > 0 && current.Length + 1 + line.Length + closing.Length > limit)
                {
                    Flush(chunks, current, openFence);
                    if (openFence is not null)
                    {
                        current.Append(openFence);
                    }
                }

                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                current.Append(line);
                if (isFence)
                {
                    openFence = openFence is null ? trimmed : null;
                }
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            chunks.Add(current.ToString().Trim('\n'));
        }

        return chunks;
    }

    private static void Flush(List<string> chunks, StringBuilder current, string? openFence)
    {
        if (openFence is not null)
        {
            current.Append("\n```");
        }

        var text = current.ToString().Trim('\n');
        if (text.Length > 0)
        {
            chunks.Add(text);
        }

        current.Clear();
    }

    // A single line longer than the limit is cut at spaces (or hard, for one enormous word).
    private static IEnumerable<string> Pieces(string line, int max)
    {
        while (line.Length > max)
        {
            var cut = line.LastIndexOf(' ', max - 1);
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(line[max - 1]) ? max - 1 : max;
            }

            yield return line[..cut];
            line = line[cut..].TrimStart(' ');
        }

        yield return line;
    }
}
