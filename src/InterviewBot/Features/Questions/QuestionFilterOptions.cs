using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;

namespace InterviewBot.Features.Questions;

/// <summary>
/// The slash-command options that narrow which questions a command picks from (<c>/ask</c>, <c>/practice next</c>,
/// <c>/daily setup</c>), defined once so their names, choices and limits stay the same everywhere.
/// </summary>
public static class QuestionFilterOptions
{
    /// <summary>Discord allows at most 25 choices on one option.</summary>
    private const int MaxChoices = 25;

    /// <summary><c>category</c>: one of the bank's categories, offered as choices.</summary>
    public static ApplicationCommandOption Category(QuestionBank bank, string description = "Only questions from this category")
    {
        ArgumentNullException.ThrowIfNull(bank);
        return new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = "category",
            Description = description,
            Choices = [.. bank.Categories.Take(MaxChoices).Select(c => ApplicationCommandOptionChoice.FromString(c, c))],
        };
    }

    /// <summary><c>difficulty</c>: easy, medium or hard, offered as choices.</summary>
    public static ApplicationCommandOption Difficulty(string description = "Only questions of this difficulty") => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = "difficulty",
        Description = description,
        Choices = [.. Enum.GetValues<Difficulty>().Select(d => ApplicationCommandOptionChoice.FromString(d.ToName(), d.ToName()))],
    };
}
