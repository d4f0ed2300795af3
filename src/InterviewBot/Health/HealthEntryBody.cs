namespace InterviewBot.Health;

public sealed record HealthEntryBody(string Status, string? Description, IReadOnlyDictionary<string, string?> Data);
