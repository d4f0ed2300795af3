namespace InterviewBot.Discord.Entities;

/// <summary>An interaction (INTERACTION_CREATE). Answer within 3 s, then the token lives 15 min.</summary>
public sealed record Interaction
{
    public required Snowflake Id { get; init; }

    public required Snowflake ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public Snowflake? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public Snowflake? ChannelId { get; init; }

    /// <summary>In guilds: the invoking member, with user and channel permissions.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>In DMs: the invoking user.</summary>
    public User? User { get; init; }

    public required string Token { get; init; }

    public int? Version { get; init; }

    /// <summary>For components: the message the component is on.</summary>
    public Message? Message { get; init; }

    /// <summary>The bot's permissions in the channel.</summary>
    public Permissions? AppPermissions { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public InteractionContextType? Context { get; init; }

    /// <summary>Who acted: the member's user in guilds, the user in DMs.</summary>
    public User? Invoker => Member?.User ?? User;

    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"Interaction {{ Id = {Id}, Type = {Type}, GuildId = {GuildId}, ChannelId = {ChannelId} }}";
}
