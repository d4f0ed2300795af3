namespace InterviewBot.Core.Questions;

/// <summary>The spelling of <see cref="Difficulty"/> in question files and commands.</summary>
public static class DifficultyNames
{
    public static string ToName(this Difficulty difficulty) => difficulty switch
    {
        Difficulty.Easy => "easy",
        Difficulty.Medium => "medium",
        Difficulty.Hard => "hard",
        _ => throw new ArgumentOutOfRangeException(nameof(difficulty), difficulty, "unknown difficulty"),
    };

    public static bool TryParse(string? text, out Difficulty difficulty)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "EASY": difficulty = Difficulty.Easy; return true;
            case "MEDIUM": difficulty = Difficulty.Medium; return true;
            case "HARD": difficulty = Difficulty.Hard; return true;
            default: difficulty = default; return false;
        }
    }
}
