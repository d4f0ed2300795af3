namespace InterviewBot.Core.Digest;

/// <summary>A member's answer to one of the week's prompts: its score (0-100, see docs/scoring.md) and a link to it.</summary>
public sealed record DigestAnswer(long PromptId, ulong AuthorId, double Score, string Link, DateTimeOffset CreatedAt);
