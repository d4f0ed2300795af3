using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed record CreateDmBody
{
    public required Snowflake RecipientId { get; init; }
}
