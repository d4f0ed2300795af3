namespace InterviewBot.Discord.Entities;

public sealed record Attachment
{
    public required Snowflake Id { get; init; }

    public string Filename { get; init; } = "";

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    public long Size { get; init; }

    public string? Url { get; init; }
}
