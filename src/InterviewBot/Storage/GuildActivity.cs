namespace InterviewBot.Storage;

/// <summary>What happened in a guild in a period (for the weekly digest).</summary>
public sealed record GuildActivity
{
    public int Prompts { get; init; }

    public int Answers { get; init; }

    public int Reviews { get; init; }

    public int ActiveMembers { get; init; }
}
