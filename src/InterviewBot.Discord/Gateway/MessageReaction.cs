using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>MESSAGE_REACTION_ADD / _REMOVE payload.</summary>
public sealed record MessageReaction
{
    public required Snowflake UserId { get; init; }

    public required Snowflake ChannelId { get; init; }

    public required Snowflake MessageId { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>Add only.</summary>
    public GuildMember? Member { get; init; }

    public required Emoji Emoji { get; init; }

    public Snowflake? MessageAuthorId { get; init; }

    public bool? Burst { get; init; }

    public int? Type { get; init; }
}
