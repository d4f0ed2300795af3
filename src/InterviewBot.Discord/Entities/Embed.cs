namespace InterviewBot.Discord.Entities;

/// <summary>A rich embed. Check sizes with <see cref="DiscordLimits"/> before sending.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedMedia? Image { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    public EmbedAuthor? Author { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
