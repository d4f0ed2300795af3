namespace InterviewBot.Core.Scheduling;

/// <summary>The days of the week a schedule posts on, evaluated in the schedule's own time zone.</summary>
public readonly record struct WeekdaySet(int Mask)
{
    public const string Accepted = "days like mon-fri, mon,wed,fri, sat-sun, mon, or daily";

    private static readonly string[] Names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static WeekdaySet EveryDay { get; } = new(0b111_1111);

    public bool Contains(DayOfWeek day) => (Mask & (1 << (int)day)) != 0;

    public bool IsEmpty => Mask == 0;

    /// <summary>Accepts day names and ranges (ranges may wrap: fri-mon), comma separated, or daily/everyday/all/weekdays/weekends.</summary>
    public static ParseResult<WeekdaySet> Parse(string? input)
    {
        var text = (input ?? string.Empty).Trim().ToLowerInvariant();
        if (text.Length == 0 || text is "daily" or "everyday" or "every day" or "all")
        {
            return ParseResult.Ok(EveryDay);
        }

        if (text is "weekdays")
        {
            return Parse("mon-fri");
        }

        if (text is "weekends" or "weekend")
        {
            return Parse("sat-sun");
        }

        var mask = 0;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !TryDay(bounds[0], out var first))
            {
                return Fail(input);
            }

            var last = first;
            if (bounds.Length == 2 && !TryDay(bounds[1], out last))
            {
                return Fail(input);
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                mask |= 1 << day;
                if (day == last)
                {
                    break;
                }
            }
        }

        return mask == 0 ? Fail(input) : ParseResult.Ok(new WeekdaySet(mask));
    }

    private static ParseResult<WeekdaySet> Fail(string? input) =>
        ParseResult.Fail<WeekdaySet>($"'{LocalTimeParser.Shorten(input?.Trim() ?? string.Empty)}' is not a set of days: use {Accepted}.");

    /// <summary>Accepts the three-letter abbreviation or the full English name of a day.</summary>
    private static bool TryDay(string text, out int day)
    {
        for (day = 0; day < Names.Length; day++)
        {
            if (text == Names[day] || text.Equals(Enum.GetName((DayOfWeek)day), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        day = -1;
        return false;
    }

    /// <summary>Canonical text, e.g. "mon-fri", "daily", "mon,wed,fri".</summary>
    public override string ToString()
    {
        if (Mask == EveryDay.Mask)
        {
            return "daily";
        }

        // Print Monday-first runs, the way people write them.
        int[] order = [1, 2, 3, 4, 5, 6, 0];
        var parts = new List<string>();
        var i = 0;
        while (i < order.Length)
        {
            if (!Contains((DayOfWeek)order[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i + 1 < order.Length && Contains((DayOfWeek)order[i + 1]))
            {
                i++;
            }

            parts.Add(start == i ? Names[order[start]] : i - start == 1
                ? $"{Names[order[start]]},{Names[order[i]]}"
                : $"{Names[order[start]]}-{Names[order[i]]}");
            i++;
        }

        return string.Join(',', parts);
    }
}
