using InterviewBot.Core.Questions;

namespace InterviewBot.Features.Community;

/// <summary>A form turned into a question: the question when valid, otherwise every problem as a sentence for the member.</summary>
public sealed record QuestionDraft(Question? Question, IReadOnlyList<string> Problems, bool IsNewCategory)
{
    public bool IsValid => Question is not null && Problems.Count == 0;

    /// <summary>The ephemeral reply listing what to fix, within Discord's 2,000 characters.</summary>
    public string ProblemMessage(string intro) =>
        Discord.Entities.DiscordText.Truncate(intro + "\n" + string.Join('\n', Problems.Select(p => "• " + p)), 2000);
}
