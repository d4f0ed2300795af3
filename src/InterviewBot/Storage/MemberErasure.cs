namespace InterviewBot.Storage;

/// <summary>A member's deletion request in a guild: messages they wrote before <see cref="ErasedAt"/> are never stored again.</summary>
public sealed record MemberErasure
{
    public required ulong GuildId { get; init; }

    public required ulong UserId { get; init; }

    public required DateTimeOffset ErasedAt { get; init; }
}
