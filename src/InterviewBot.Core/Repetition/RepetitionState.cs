namespace InterviewBot.Core.Repetition;

/// <summary>A member's SM-2 state for one question.</summary>
/// <param name="EaseFactor">SM-2's E-factor, never below 1.3.</param>
/// <param name="IntervalDays">Days between the last review and <paramref name="DueAt"/>.</param>
/// <param name="Repetitions">Successful reviews in a row (reset by <see cref="RecallGrade.Again"/>).</param>
/// <param name="Lapses">How often the member failed the question after having learnt it.</param>
public sealed record RepetitionState(double EaseFactor, int IntervalDays, int Repetitions, int Lapses, DateTimeOffset DueAt, DateTimeOffset? LastReviewedAt)
{
    public const double InitialEase = 2.5;
    public const double MinimumEase = 1.3;

    /// <summary>A question the member has never answered: due immediately.</summary>
    public static RepetitionState New(DateTimeOffset now) => new(InitialEase, 0, 0, 0, now, null);
}
