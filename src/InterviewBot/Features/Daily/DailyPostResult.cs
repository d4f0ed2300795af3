using InterviewBot.Storage;

namespace InterviewBot.Features.Daily;

/// <summary>What happened to one (schedule, local date); <see cref="Post"/> is the ledger row when there is one.</summary>
public sealed record DailyPostResult(DailyPostOutcome Outcome, DailyPost? Post, string? Reason = null);
