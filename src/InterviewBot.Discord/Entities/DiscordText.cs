using System.Globalization;
using System.Text;

namespace InterviewBot.Discord.Entities;

/// <summary>Text helpers that respect Discord's limits and markdown.</summary>
public static class DiscordText
{
    /// <summary>The ellipsis appended by <see cref="Truncate(string, int, string)"/>.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, on a text-element
    /// boundary (never splitting a surrogate pair or an emoji sequence), ending with <paramref name="ellipsis"/>
    /// when something was cut.
    /// </summary>
    public static string Truncate(string text, int max, string ellipsis = Ellipsis)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (text.Length <= max)
        {
            return text;
        }

        if (ellipsis.Length > max)
        {
            ellipsis = "";
        }

        var budget = max - ellipsis.Length;
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        // A single text element longer than the budget (a long emoji sequence): fall back to code points.
        if (end == 0 && budget > 0)
        {
            while (end < budget)
            {
                var step = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
                if (end + step > budget)
                {
                    break;
                }

                end += step;
            }
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), ellipsis);
    }

    /// <summary>Escapes Discord markdown so user text renders literally.</summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<':
                    builder.Append('\\').Append(c);
                    break;
                case '>' or '#' or '-' when lineStart:
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }

            if (c == '\n')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A valid thread name (1-100 characters): control characters and line breaks become spaces,
    /// runs of white space collapse, the result is trimmed and truncated; empty input gives <paramref name="fallback"/>.
    /// </summary>
    public static string SanitizeThreadName(string? name, string fallback = "thread")
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var builder = new StringBuilder((name ?? "").Length);
        var pendingSpace = false;
        foreach (var c in name ?? "")
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString();
        if (cleaned.Length == 0)
        {
            cleaned = fallback;
        }

        return Truncate(cleaned, DiscordLimits.ThreadName);
    }
}
