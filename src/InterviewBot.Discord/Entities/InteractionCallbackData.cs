namespace InterviewBot.Discord.Entities;

/// <summary>
/// The data of an interaction response: message fields (types 4, 5, 7), choices (8) or a modal (9).
/// </summary>
public sealed record InteractionCallbackData : IMessageBody<InteractionCallbackData>
{
    public bool? Tts { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<AttachmentUpload>? Attachments { get; init; }

    /// <summary>Autocomplete result: ≤ 25 choices.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>Modal: 1-100 characters.</summary>
    public string? CustomId { get; init; }

    /// <summary>Modal: ≤ 45 characters.</summary>
    public string? Title { get; init; }

    public static InteractionCallbackData FromMessage(MessageCreate message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new()
        {
            Tts = message.Tts,
            Content = message.Content,
            Embeds = message.Embeds,
            AllowedMentions = message.AllowedMentions,
            Flags = message.Flags,
            Components = message.Components,
            Attachments = message.Attachments,
        };
    }

    InteractionCallbackData IMessageBody<InteractionCallbackData>.WithAllowedMentions(AllowedMentions allowedMentions) => this with { AllowedMentions = allowedMentions };
}
