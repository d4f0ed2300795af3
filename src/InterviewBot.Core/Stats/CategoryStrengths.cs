namespace InterviewBot.Core.Stats;

/// <summary>Per-category means for <c>/stats</c>: strongest first; ties by more answers, then category name.</summary>
public static class CategoryStrengths
{
    public static IReadOnlyList<CategoryStrength> Rank(IEnumerable<(string Category, double Score)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. scores
            .GroupBy(s => s.Category, StringComparer.Ordinal)
            .Select(g => new CategoryStrength(g.Key, Math.Round(g.Average(s => s.Score), 1), g.Count()))
            .OrderByDescending(c => c.MeanScore)
            .ThenByDescending(c => c.Answers)
            .ThenBy(c => c.Category, StringComparer.Ordinal)];
    }
}
