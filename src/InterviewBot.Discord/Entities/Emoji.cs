namespace InterviewBot.Discord.Entities;

/// <summary>A (partial) emoji: unicode emoji have a null id and the character as name.</summary>
public sealed record Emoji
{
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    public bool? Animated { get; init; }

    /// <summary>The form used in reaction routes: the character, or name:id for a custom emoji.</summary>
    public string ToReactionString() => Id is { } id ? $"{Name}:{id}" : Name ?? "";
}
