using System.Text.Json;

namespace InterviewBot.Discord.Rest;

/// <summary>Discord's error body; 429s add retry_after and global.</summary>
public sealed record DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
