using System.Text.RegularExpressions;
using Spectre.Console;

namespace InterviewBot.Features.Practice;

/// <summary>
/// The question bank's Markdown for a terminal: plain text, with <c>**bold**</c> shown bold and <c>#</c> headings
/// shown as bold lines. Everything else (lists, code fences, inline code) reads well enough as it is.
/// </summary>
public static partial class TerminalMarkdown
{
    /// <summary>Spectre.Console markup for <paramref name="markdown"/>; any <c>[</c> in the text is escaped.</summary>
    public static string ToMarkup(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var escaped = Markup.Escape(markdown.ReplaceLineEndings("\n").Trim());
        var withHeadings = Heading().Replace(escaped, "[bold]$1[/]");
        return Bold().Replace(withHeadings, "[bold]$1[/]");
    }

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}
