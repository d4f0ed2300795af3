namespace InterviewBot.Core.Questions;

/// <summary>One thing wrong with a question file, printed as <c>file:line:column: reason</c>.</summary>
public sealed record BankProblem(SourceLocation Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}
