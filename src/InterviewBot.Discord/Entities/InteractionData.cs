namespace InterviewBot.Discord.Entities;

/// <summary>
/// The data of a command (name, options), component (custom_id, component_type, values) or modal submit
/// (custom_id, components). Fields of other kinds are null.
/// </summary>
public sealed record InteractionData
{
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    public Snowflake? GuildId { get; init; }

    public Snowflake? TargetId { get; init; }

    public InteractionResolvedData? Resolved { get; init; }

    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Modal submit: labels (type 18) or legacy action rows wrapping the inputs.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The innermost option list and the sub-command path, e.g. ("question export", [...]).</summary>
    public (string Path, IReadOnlyList<InteractionDataOption> Options) GetCommandPath()
    {
        var path = Name ?? "";
        var options = Options ?? [];
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } sub])
        {
            path = $"{path} {sub.Name}";
            options = sub.Options ?? [];
        }

        return (path, options);
    }

    /// <summary>An option of the innermost sub-command by name.</summary>
    public InteractionDataOption? GetOption(string name)
    {
        foreach (var option in GetCommandPath().Options)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The option being typed in an autocomplete interaction.</summary>
    public InteractionDataOption? GetFocusedOption() => FindFocused(Options);

    /// <summary>The value a modal submit carries for a text input (or the first value of a select).</summary>
    public string? GetModalValue(string customId) => FindModalValue(Components, customId);

    private static InteractionDataOption? FindFocused(IReadOnlyList<InteractionDataOption>? options)
    {
        if (options is null)
        {
            return null;
        }

        foreach (var option in options)
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (FindFocused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static string? FindModalValue(IReadOnlyList<Component>? components, string customId)
    {
        if (components is null)
        {
            return null;
        }

        foreach (var component in components)
        {
            var found = component switch
            {
                TextInput input when input.CustomId == customId => input.Value ?? "",
                StringSelect select when select.CustomId == customId => select.Values is [var first, ..] ? first : "",
                ActionRow row => FindModalValue(row.Components, customId),
                LabelComponent { Component: { } inner } => FindModalValue([inner], customId),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
