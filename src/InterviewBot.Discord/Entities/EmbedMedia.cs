namespace InterviewBot.Discord.Entities;

/// <summary>An embed image or thumbnail.</summary>
public sealed record EmbedMedia
{
    public string? Url { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }
}
