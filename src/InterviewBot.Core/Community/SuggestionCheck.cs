using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Community;

/// <summary>
/// The outcome of <see cref="SuggestionRules.Validate"/>: every problem found (each a full sentence for the member),
/// and the suggestion's category and difficulty as they will be stored.
/// </summary>
public sealed record SuggestionCheck(IReadOnlyList<string> Problems, string Category, Difficulty Difficulty, bool IsNewCategory)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The text of the ephemeral reply: what to fix, one bullet per problem; or a confirmation.</summary>
    public string Message => IsValid
        ? IsNewCategory
            ? $"Thanks! Your question was sent to the moderators. It proposes a new category, `{Category}`."
            : "Thanks! Your question was sent to the moderators."
        : "Your suggestion needs a few changes before it can be sent:\n" + string.Join('\n', Problems.Select(p => "• " + p));
}
