namespace InterviewBot.Discord.Entities;

public sealed record EmbedAuthor
{
    public required string Name { get; init; }

    public string? Url { get; init; }

    public string? IconUrl { get; init; }
}
