namespace InterviewBot.Storage;

public sealed record HelpfulVote
{
    public required long ReviewId { get; init; }

    public required ulong VoterId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
