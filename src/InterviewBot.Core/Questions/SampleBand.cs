namespace InterviewBot.Core.Questions;

/// <summary>The coverage a sample answer is expected to get: strong ≥ 70 %, partial between, off-topic ≤ 20 %.</summary>
public enum SampleBand
{
    Strong,
    Partial,
    Off,
}
