namespace InterviewBot.Core.Questions;

/// <summary>Where something was written: a file (as shown to the reader), a 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
