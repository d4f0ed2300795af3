namespace InterviewBot.Features.Daily;

/// <summary>A fire to process: which schedule, and the instant it was due.</summary>
public sealed record DailyFire(long ScheduleId, DateTimeOffset ScheduledAt, DailyFireKind Kind);
