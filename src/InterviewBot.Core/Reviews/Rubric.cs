namespace InterviewBot.Core.Reviews;

/// <summary>A peer review's three marks, each 1-5.</summary>
public sealed record Rubric(int Correctness, int Depth, int Clarity)
{
    public const int Min = 1;
    public const int Max = 5;
    public const int MaxCommentLength = 1000;

    public double Mean => (Correctness + Depth + Clarity) / 3.0;

    /// <summary>Validates marks typed by a member; the error says what is accepted.</summary>
    public static bool TryCreate(int correctness, int depth, int clarity, out Rubric? rubric, out string? error)
    {
        foreach (var (name, value) in new[] { ("correctness", correctness), ("depth", depth), ("clarity", clarity) })
        {
            if (value is < Min or > Max)
            {
                rubric = null;
                error = $"{name} must be a whole number from {Min} to {Max}, not {value}.";
                return false;
            }
        }

        rubric = new Rubric(correctness, depth, clarity);
        error = null;
        return true;
    }
}
