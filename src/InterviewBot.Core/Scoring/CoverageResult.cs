namespace InterviewBot.Core.Scoring;

/// <summary>Which key points an answer covered; <see cref="Percent"/> is the share covered, rounded down.</summary>
public sealed record CoverageResult(IReadOnlyList<KeyPointCoverage> Points)
{
    public int Covered => Points.Count(p => p.Covered);

    public int Total => Points.Count;

    /// <summary>0-100. Rounded down, so 2 of 3 is 66 and only a full answer reaches 100.</summary>
    public int Percent => Total == 0 ? 0 : Covered * 100 / Total;

    public IEnumerable<KeyPointCoverage> Missed => Points.Where(p => !p.Covered);
}
