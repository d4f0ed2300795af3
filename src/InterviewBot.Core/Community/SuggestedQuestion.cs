namespace InterviewBot.Core.Community;

/// <summary>A question as a member typed it into the suggestion form: raw text, not yet validated.</summary>
public sealed record SuggestedQuestion(string Prompt, string Answer, string Category, string Difficulty, string? Hint = null);
