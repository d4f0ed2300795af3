namespace InterviewBot.Bench.EndToEnd;

/// <summary>Percentiles of acknowledgement latencies (milliseconds) plus the interactions never acknowledged.</summary>
public sealed record LatencySummary(int Rate, int Sent, int Acknowledged, double AchievedRate, double P50, double P99, double Max)
{
    public int Missing => Sent - Acknowledged;

    public static LatencySummary From(int rate, int sent, double achievedRate, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds.Count == 0 ? double.NaN : milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new LatencySummary(rate, sent, milliseconds.Count, achievedRate, At(0.50), At(0.99), milliseconds.Count == 0 ? double.NaN : milliseconds[^1]);
    }
}
