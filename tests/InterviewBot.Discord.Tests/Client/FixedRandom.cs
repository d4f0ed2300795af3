namespace InterviewBot.Discord.Tests.Client;

/// <summary>Makes jitter predictable.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
