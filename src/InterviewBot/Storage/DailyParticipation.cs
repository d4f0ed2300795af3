namespace InterviewBot.Storage;

/// <summary>One daily prompt of the guild and whether the member answered it before the reveal (for streaks).</summary>
public sealed record DailyParticipation
{
    public required long PromptId { get; init; }

    public required long ScheduleId { get; init; }

    public required DateOnly LocalDate { get; init; }

    public required bool Answered { get; init; }
}
