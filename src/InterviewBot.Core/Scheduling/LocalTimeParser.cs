using System.Globalization;

namespace InterviewBot.Core.Scheduling;

/// <summary>Parses a wall-clock time given as 24-hour <c>HH:mm</c>.</summary>
public static class LocalTimeParser
{
    public const string Accepted = "a 24-hour time as HH:mm, e.g. 09:00 or 17:30";

    public static ParseResult<TimeOnly> Parse(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return ParseResult.Ok(time);
        }

        return ParseResult.Fail<TimeOnly>($"'{Shorten(text)}' is not a valid time: use {Accepted}.");
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
