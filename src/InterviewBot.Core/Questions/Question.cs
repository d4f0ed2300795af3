namespace InterviewBot.Core.Questions;

/// <summary>An interview question with its reference answer and the key points the scorer looks for.</summary>
public sealed record Question
{
    public required string Id { get; init; }

    public required string Category { get; init; }

    public required Difficulty Difficulty { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The question itself, Markdown, at most <see cref="QuestionLimits.PromptLength"/> characters.</summary>
    public required string Prompt { get; init; }

    /// <summary>The reference answer, Markdown.</summary>
    public required string Answer { get; init; }

    public required IReadOnlyList<KeyPoint> KeyPoints { get; init; }

    public string? Hint { get; init; }

    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>An optional snippet shown in a code block under the prompt.</summary>
    public string? Code { get; init; }

    public string? CodeLanguage { get; init; }

    /// <summary>Where the question was defined; for server-owned questions, a synthetic location.</summary>
    public SourceLocation Location { get; init; }
}
