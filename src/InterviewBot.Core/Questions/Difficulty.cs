namespace InterviewBot.Core.Questions;

/// <summary>How deep a question goes. Written in files as <c>easy</c>, <c>medium</c> or <c>hard</c>.</summary>
public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}
