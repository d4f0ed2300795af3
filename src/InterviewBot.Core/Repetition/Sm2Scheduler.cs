namespace InterviewBot.Core.Repetition;

/// <summary>
/// SuperMemo-2 (Woźniak, 1987), the published algorithm behind most flashcard tools. Chosen over FSRS because
/// it needs no trained parameters, is explainable in a sentence, and behaves well with the few reviews a
/// member gives a question. See docs/spaced-repetition.md.
/// </summary>
public static class Sm2Scheduler
{
    /// <summary>Applies one review with the given grade at <paramref name="now"/>.</summary>
    public static RepetitionState Review(RepetitionState state, RecallGrade grade, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var quality = Quality(grade);
        var ease = Math.Max(RepetitionState.MinimumEase, state.EaseFactor + (0.1 - ((5 - quality) * (0.08 + ((5 - quality) * 0.02)))));

        if (quality < 3)
        {
            // Forgotten: start the ladder again tomorrow; the ease still drops so the question comes back more often.
            var lapses = state.Repetitions > 0 ? state.Lapses + 1 : state.Lapses;
            return new RepetitionState(ease, 1, 0, lapses, now.AddDays(1), now);
        }

        var interval = state.Repetitions switch
        {
            0 => 1,
            1 => 6,
            _ => (int)Math.Round(state.IntervalDays * state.EaseFactor, MidpointRounding.AwayFromZero),
        };

        if (grade == RecallGrade.Hard && state.Repetitions >= 2)
        {
            // SM-2 lets a barely-recalled item grow as fast as an easy one; cap "hard" at 1.2× so it returns sooner.
            interval = Math.Max(state.IntervalDays + 1, (int)Math.Round(state.IntervalDays * 1.2, MidpointRounding.AwayFromZero));
        }

        return new RepetitionState(ease, interval, state.Repetitions + 1, state.Lapses, now.AddDays(interval), now);
    }

    /// <summary>SM-2's response quality (0-5) for each button.</summary>
    public static int Quality(RecallGrade grade) => grade switch
    {
        RecallGrade.Again => 1,
        RecallGrade.Hard => 3,
        RecallGrade.Good => 4,
        RecallGrade.Easy => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "unknown grade"),
    };

    /// <summary>The grade implied by key-point coverage, used until the member presses a button themselves.</summary>
    public static RecallGrade GradeFromCoverage(double coveragePercent) => coveragePercent switch
    {
        < 40 => RecallGrade.Again,
        < 60 => RecallGrade.Hard,
        < 90 => RecallGrade.Good,
        _ => RecallGrade.Easy,
    };
}
