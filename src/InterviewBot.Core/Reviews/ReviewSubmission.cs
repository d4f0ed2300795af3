namespace InterviewBot.Core.Reviews;

/// <summary>
/// A review as it will be stored (<see cref="Rubric"/> and a trimmed comment, null when empty), or the problems that
/// stop it, each a sentence for the member.
/// </summary>
public sealed record ReviewSubmission(Rubric? Rubric, string? Comment, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0 && Rubric is not null;
}
