namespace InterviewBot.Discord.Entities;

/// <summary>The partial attachment that names an uploaded file (files[id]) in a multipart body.</summary>
public sealed record AttachmentUpload
{
    public required Snowflake Id { get; init; }

    public string? Filename { get; init; }

    public string? Description { get; init; }
}
