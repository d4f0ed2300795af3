namespace InterviewBot.Core.Scheduling;

/// <summary>Looks up IANA time zones by id (case-insensitive) and offers them for autocomplete.</summary>
public static class IanaTimeZones
{
    public const string Accepted = "an IANA time zone such as Europe/Berlin, America/New_York, Asia/Kolkata or UTC";

    private static readonly Lazy<IReadOnlyList<string>> AllIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
            .Order(StringComparer.Ordinal)
            .ToArray());

    public static ParseResult<TimeZoneInfo> Parse(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Equals("utc", StringComparison.OrdinalIgnoreCase) || text.Equals("etc/utc", StringComparison.OrdinalIgnoreCase) || text == "Z")
        {
            return ParseResult.Ok(TimeZoneInfo.Utc);
        }

        var id = AllIds.Value.FirstOrDefault(z => z.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return ParseResult.Ok(zone);
        }

        return ParseResult.Fail<TimeZoneInfo>($"'{LocalTimeParser.Shorten(text)}' is not a known time zone: use {Accepted}.");
    }

    /// <summary>Up to <paramref name="limit"/> zone ids matching what the user typed: prefix matches first, then substring matches.</summary>
    public static IReadOnlyList<string> Search(string? typed, int limit = 25)
    {
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            string[] popular = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"];
            return [.. popular.Where(p => p == "UTC" || AllIds.Value.Contains(p)).Take(limit)];
        }

        var prefix = AllIds.Value.Where(z => z.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        var contains = AllIds.Value.Where(z => !z.StartsWith(text, StringComparison.OrdinalIgnoreCase) && z.Contains(text, StringComparison.OrdinalIgnoreCase));
        return [.. prefix.Concat(contains).Take(limit)];
    }
}
