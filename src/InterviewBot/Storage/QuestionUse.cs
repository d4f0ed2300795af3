namespace InterviewBot.Storage;

/// <summary>A question a guild (or one of its schedules) posted, for no-repeat selection.</summary>
public sealed record QuestionUse
{
    public required string QuestionId { get; init; }

    public long? ScheduleId { get; init; }

    public required DateTimeOffset UsedAt { get; init; }
}
