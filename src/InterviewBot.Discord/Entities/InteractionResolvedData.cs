namespace InterviewBot.Discord.Entities;

/// <summary>Full objects for the ids referenced by options or selects.</summary>
public sealed record InteractionResolvedData
{
    public IReadOnlyDictionary<Snowflake, User>? Users { get; init; }

    /// <summary>Partial members, without user.</summary>
    public IReadOnlyDictionary<Snowflake, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<Snowflake, Role>? Roles { get; init; }

    public IReadOnlyDictionary<Snowflake, Channel>? Channels { get; init; }

    public IReadOnlyDictionary<Snowflake, Attachment>? Attachments { get; init; }
}
