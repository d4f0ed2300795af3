namespace InterviewBot.Features.Community;

/// <summary>What a member typed into the question form (suggest, add, edit): raw text, not yet validated.</summary>
public sealed record QuestionFormInput(string Prompt, string Answer, string Category, string Difficulty, string KeyPoints);
