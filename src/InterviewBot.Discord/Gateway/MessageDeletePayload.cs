using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

public sealed record MessageDeletePayload
{
    public required Snowflake Id { get; init; }

    public required Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }
}
