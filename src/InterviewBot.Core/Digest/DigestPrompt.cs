namespace InterviewBot.Core.Digest;

/// <summary>A question posted during the week: its prompt id, question id, title (the prompt text), thread link and post time.</summary>
public sealed record DigestPrompt(long PromptId, string QuestionId, string Title, string ThreadLink, DateTimeOffset PostedAt);
