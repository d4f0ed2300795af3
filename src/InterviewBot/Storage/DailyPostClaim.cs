namespace InterviewBot.Storage;

/// <summary>The ledger row after a claim; <paramref name="IsNew"/> is false when someone claimed that day first.</summary>
public sealed record DailyPostClaim(DailyPost Post, bool IsNew);
