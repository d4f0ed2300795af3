namespace InterviewBot.Core.Digest;

/// <summary>One question of the week: how many members answered it, and the best-scored answer (null when nobody answered).</summary>
public sealed record DigestQuestion(DigestPrompt Prompt, int Participants, DigestAnswer? BestAnswer);
