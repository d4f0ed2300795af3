namespace InterviewBot.Discord.Entities;

/// <summary>A command definition for bulk overwrite, and the object Discord returns.</summary>
public sealed record ApplicationCommand
{
    public Snowflake? Id { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public Snowflake? GuildId { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public required string Name { get; init; }

    /// <summary>1-100 characters for chat commands; empty for user and message commands.</summary>
    public string Description { get; init; } = "";

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Who may use it by default; <see cref="Permissions.None"/> means admins only.</summary>
    public Permissions? DefaultMemberPermissions { get; init; }

    /// <summary>Deprecated by Discord in favour of <see cref="Contexts"/>.</summary>
    public bool? DmPermission { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    public bool? Nsfw { get; init; }

    public Snowflake? Version { get; init; }
}
