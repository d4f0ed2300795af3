namespace InterviewBot.Discord.Entities;

/// <summary>Which mentions in a message may ping. The REST client sends <see cref="None"/> unless told otherwise.</summary>
public sealed record AllowedMentions
{
    /// <summary>Any of "users", "roles", "everyone".</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    public IReadOnlyList<Snowflake>? Roles { get; init; }

    public IReadOnlyList<Snowflake>? Users { get; init; }

    public bool? RepliedUser { get; init; }

    /// <summary>Mention nobody: <c>{ "parse": [] }</c>.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Ping exactly these users and nobody else.</summary>
    public static AllowedMentions OnlyUsers(params IReadOnlyList<Snowflake> users) => new() { Parse = [], Users = users };

    /// <summary>Ping exactly these roles and nobody else.</summary>
    public static AllowedMentions OnlyRoles(params IReadOnlyList<Snowflake> roles) => new() { Parse = [], Roles = roles };
}
