namespace InterviewBot.Core.Stats;

/// <summary>A member's mean score in one question category.</summary>
public sealed record CategoryStrength(string Category, double MeanScore, int Answers);
