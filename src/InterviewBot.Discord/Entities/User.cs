namespace InterviewBot.Discord.Entities;

/// <summary>A Discord user (or bot).</summary>
public sealed record User
{
    public required Snowflake Id { get; init; }

    public string Username { get; init; } = "";

    public string? Discriminator { get; init; }

    public string? GlobalName { get; init; }

    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }

    /// <summary>The name to show: the global display name when set, else the username.</summary>
    public string DisplayName => string.IsNullOrEmpty(GlobalName) ? Username : GlobalName;
}
