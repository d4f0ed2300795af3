namespace InterviewBot.Discord.Entities;

/// <summary>The initial response to an interaction (must be sent within 3 s).</summary>
public sealed record InteractionResponse
{
    public required InteractionCallbackType Type { get; init; }

    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Pong() => new() { Type = InteractionCallbackType.Pong };

    /// <summary>Reply with a message; set <paramref name="ephemeral"/> to show it to the invoker only.</summary>
    public static InteractionResponse ChannelMessage(MessageCreate message, bool ephemeral = false)
    {
        var data = InteractionCallbackData.FromMessage(message);
        return new()
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = ephemeral ? data with { Flags = (data.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral } : data,
        };
    }

    /// <summary>"Bot is thinking…"; finish with EditOriginalResponseAsync or CreateFollowupAsync.</summary>
    public static InteractionResponse Deferred(bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
    };

    /// <summary>Components only: acknowledge now, edit the message later.</summary>
    public static InteractionResponse DeferredUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    /// <summary>Components only: edit the message the component is on.</summary>
    public static InteractionResponse UpdateMessage(InteractionCallbackData data) =>
        new() { Type = InteractionCallbackType.UpdateMessage, Data = data };

    public static InteractionResponse Autocomplete(IReadOnlyList<ApplicationCommandOptionChoice> choices) =>
        new() { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new() { Choices = choices } };

    /// <summary>Open a modal with 1-5 top-level components (labels or action rows of text inputs).</summary>
    public static InteractionResponse Modal(string customId, string title, IReadOnlyList<Component> components) =>
        new() { Type = InteractionCallbackType.Modal, Data = new() { CustomId = customId, Title = title, Components = components } };

    /// <summary>Whether this type carries a message that can ping people.</summary>
    internal bool CarriesMessage => Type is InteractionCallbackType.ChannelMessageWithSource
        or InteractionCallbackType.UpdateMessage
        or InteractionCallbackType.DeferredChannelMessageWithSource;
}
