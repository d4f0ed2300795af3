using InterviewBot.Core.Reviews;

namespace InterviewBot.Storage;

/// <summary>A member's peer review of another member's answer (one per reviewer per answer).</summary>
public sealed record Review
{
    public required long ReviewId { get; init; }

    public required long AnswerId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong ReviewerId { get; init; }

    public required int Correctness { get; init; }

    public required int Depth { get; init; }

    public required int Clarity { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many members marked this review helpful.</summary>
    public int HelpfulVotes { get; init; }

    public Rubric Rubric => new(Correctness, Depth, Clarity);
}
