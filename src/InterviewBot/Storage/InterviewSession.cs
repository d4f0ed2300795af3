namespace InterviewBot.Storage;

/// <summary>A member's private mock interview: a fixed list of questions worked through in a thread.</summary>
public sealed record InterviewSession
{
    public required long SessionId { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>The private thread (or channel) the interview runs in.</summary>
    public required ulong ChannelId { get; init; }

    public required InterviewSessionStatus Status { get; init; }

    public required IReadOnlyList<string> QuestionIds { get; init; }

    public int CurrentIndex { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
