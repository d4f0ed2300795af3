using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Tests.Community;

/// <summary>The real bank, loaded once, and a builder for small questions.</summary>
internal static class TestQuestions
{
    public static readonly string BankDirectory = Path.Combine(ArchitectureTests.RepositoryRoot(), "questions");

    private static readonly Lazy<BankLoadResult> Loaded = new(() => QuestionBankLoader.LoadDirectory(BankDirectory));

    public static IReadOnlyList<Question> Bank => Loaded.Value.Questions;

    public static Question Make(string id, string prompt, string answer, string category = "caching", params KeyPoint[] keyPoints) => new()
    {
        Id = id,
        Category = category,
        Difficulty = Difficulty.Medium,
        Prompt = prompt,
        Answer = answer,
        KeyPoints = keyPoints,
    };
}
