namespace InterviewBot.Discord.Entities;

public sealed record EmbedFooter
{
    public required string Text { get; init; }

    public string? IconUrl { get; init; }
}
