namespace InterviewBot.Core.Stats;

/// <param name="Current">Consecutive scheduled questions answered up to now (freezes and restores keep it alive).</param>
/// <param name="Best">The longest such run ever.</param>
/// <param name="FreezesUsed">Missed days that a freeze covered.</param>
public sealed record StreakResult(int Current, int Best, int FreezesUsed);
