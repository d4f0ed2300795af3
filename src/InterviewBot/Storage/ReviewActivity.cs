namespace InterviewBot.Storage;

/// <summary>One review as the stats need it: whose answer, who reviewed, the marks, when, and how many helpful votes.</summary>
public sealed record ReviewActivity
{
    public required long ReviewId { get; init; }

    public required long AnswerId { get; init; }

    public required ulong AuthorId { get; init; }

    public required ulong ReviewerId { get; init; }

    public required int Correctness { get; init; }

    public required int Depth { get; init; }

    public required int Clarity { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int HelpfulVotes { get; init; }

    /// <summary>The reviewed answer has no live part any more: the review is kept out of scores.</summary>
    public bool AnswerDeleted { get; init; }

    public Core.Reviews.Rubric Rubric => new(Correctness, Depth, Clarity);
}
