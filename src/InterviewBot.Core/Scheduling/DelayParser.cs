using System.Globalization;
using System.Text.RegularExpressions;

namespace InterviewBot.Core.Scheduling;

/// <summary>Parses delays such as <c>24h</c>, <c>8h</c>, <c>90m</c>, <c>1d</c> or <c>1h30m</c>.</summary>
public static partial class DelayParser
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(7);

    public const string Accepted = "a duration like 24h, 8h, 90m, 1d or 1h30m, between 5m and 7d";

    public static ParseResult<TimeSpan> Parse(string? input)
    {
        var text = (input ?? string.Empty).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var match = DurationPattern().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            return ParseResult.Fail<TimeSpan>($"'{LocalTimeParser.Shorten(input?.Trim() ?? string.Empty)}' is not a duration: use {Accepted}.");
        }

        var total = TimeSpan.Zero;
        total += Part(match, "d", TimeSpan.FromDays);
        total += Part(match, "h", TimeSpan.FromHours);
        total += Part(match, "m", TimeSpan.FromMinutes);
        if (total < Minimum || total > Maximum)
        {
            return ParseResult.Fail<TimeSpan>($"{Format(total)} is out of range: use {Accepted}.");
        }

        return ParseResult.Ok(total);
    }

    /// <summary>Short text for a delay, e.g. "1d 2h", "8h", "45m".</summary>
    public static string Format(TimeSpan delay)
    {
        var parts = new List<string>(3);
        if (delay.Days > 0)
        {
            parts.Add($"{delay.Days}d");
        }

        if (delay.Hours > 0)
        {
            parts.Add($"{delay.Hours}h");
        }

        if (delay.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{delay.Minutes}m");
        }

        return string.Join(' ', parts);
    }

    private static TimeSpan Part(Match match, string unit, Func<double, TimeSpan> factory)
    {
        var group = match.Groups[unit];
        return group.Success ? factory(int.Parse(group.Value, CultureInfo.InvariantCulture)) : TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})d)?(?:(?<h>\d{1,3})h)?(?:(?<m>\d{1,4})m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
