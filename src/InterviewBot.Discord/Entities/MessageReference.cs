namespace InterviewBot.Discord.Entities;

/// <summary>A reply (type 0) or forward (type 1) target.</summary>
public sealed record MessageReference
{
    public int? Type { get; init; }

    public Snowflake? MessageId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>Discord defaults this to true: replying to a deleted message fails.</summary>
    public bool? FailIfNotExists { get; init; }
}
