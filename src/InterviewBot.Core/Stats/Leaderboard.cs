namespace InterviewBot.Core.Stats;

/// <summary>
/// Ranks members by a metric. Ties are broken deterministically, and the rule is shown under the board:
/// higher value first, then more answers, then the member who joined Discord earlier (lower id). Members who still
/// tie on value and answers share a rank ("1, 2, 2, 4").
/// </summary>
public static class Leaderboard
{
    public const string TieRule = "Ties: more answers first, then the older Discord account.";

    public static IReadOnlyList<RankedEntry> Rank(IEnumerable<LeaderboardEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries
            .OrderByDescending(e => e.Value)
            .ThenByDescending(e => e.Answers)
            .ThenBy(e => e.MemberId)
            .ToList();

        var ranked = new List<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var sharesRank = i > 0 && ordered[i].Value.Equals(ordered[i - 1].Value) && ordered[i].Answers == ordered[i - 1].Answers;
            ranked.Add(new RankedEntry(sharesRank ? ranked[i - 1].Rank : i + 1, ordered[i]));
        }

        return ranked;
    }

    /// <summary>The top <paramref name="count"/> plus the caller's own row when they are below it.</summary>
    public static (IReadOnlyList<RankedEntry> Top, RankedEntry? Caller) TopWithCaller(IReadOnlyList<RankedEntry> ranked, ulong callerId, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var top = ranked.Take(count).ToList();
        var caller = ranked.FirstOrDefault(r => r.Entry.MemberId == callerId);
        return (top, caller is not null && !top.Contains(caller) ? caller : null);
    }
}
