namespace InterviewBot.Core.Questions;

/// <summary>The bank has problems; the message lists each as <c>file:line:column: reason</c>.</summary>
public sealed class InvalidQuestionBankException : Exception
{
    public InvalidQuestionBankException(IReadOnlyList<BankProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    public InvalidQuestionBankException()
    {
        Problems = [];
    }

    public InvalidQuestionBankException(string message)
        : base(message)
    {
        Problems = [];
    }

    public InvalidQuestionBankException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<BankProblem> Problems { get; }

    private static string Format(IReadOnlyList<BankProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"the question bank has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
    }
}
