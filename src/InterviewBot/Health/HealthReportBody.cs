namespace InterviewBot.Health;

public sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, HealthEntryBody> Checks);
