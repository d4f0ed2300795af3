namespace InterviewBot.Core.Questions;

/// <summary>What a member or a schedule asked for; a null part matches everything.</summary>
public sealed record QuestionFilter(IReadOnlyList<string>? Categories = null, Difficulty? Difficulty = null, string? Tag = null)
{
    public static QuestionFilter Any { get; } = new();

    public bool Matches(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (Categories is null || Categories.Count == 0 || Categories.Contains(question.Category, StringComparer.Ordinal))
            && (Difficulty is null || question.Difficulty == Difficulty)
            && (Tag is null || question.Tags.Contains(Tag, StringComparer.Ordinal));
    }

    /// <summary>The filter in words, for messages such as "no question matches category caching, difficulty hard".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Categories is { Count: > 0 })
        {
            parts.Add($"category {string.Join(" or ", Categories)}");
        }

        if (Difficulty is { } difficulty)
        {
            parts.Add($"difficulty {difficulty.ToName()}");
        }

        if (Tag is not null)
        {
            parts.Add($"tag {Tag}");
        }

        return parts.Count == 0 ? "any question" : string.Join(", ", parts);
    }
}
