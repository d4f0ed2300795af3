namespace InterviewBot.Core.Questions;

/// <summary>The questions read from a folder and every problem found; the bank is only usable when there are none.</summary>
public sealed record BankLoadResult(IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems, int FileCount)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The bank, or an exception listing every problem (one per line).</summary>
    public QuestionBank ToBank() => IsValid
        ? new QuestionBank(Questions)
        : throw new InvalidQuestionBankException(Problems);
}
