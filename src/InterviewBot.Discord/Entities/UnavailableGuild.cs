namespace InterviewBot.Discord.Entities;

/// <summary>A guild known only by id: READY's guild list and GUILD_DELETE.</summary>
public sealed record UnavailableGuild
{
    public required Snowflake Id { get; init; }

    /// <summary>True during an outage; missing when the bot was removed from the guild.</summary>
    public bool? Unavailable { get; init; }
}
