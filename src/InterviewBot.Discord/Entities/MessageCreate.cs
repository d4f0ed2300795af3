namespace InterviewBot.Discord.Entities;

/// <summary>
/// Body of Create Message, of followups and of message interaction responses. Leave
/// <see cref="AllowedMentions"/> null to mention nobody (the REST client fills <c>{"parse":[]}</c>).
/// </summary>
public sealed record MessageCreate : IMessageBody<MessageCreate>
{
    public string? Content { get; init; }

    /// <summary>≤ 25 characters; echoed in MESSAGE_CREATE.</summary>
    public string? Nonce { get; init; }

    /// <summary>With a nonce: a repeat within a few minutes returns the first message instead of posting twice.</summary>
    public bool? EnforceNonce { get; init; }

    public bool? Tts { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageReference? MessageReference { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Ephemeral (64) is only honoured in interaction responses and followups.</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Filled by the REST client for an uploaded file unless set.</summary>
    public IReadOnlyList<AttachmentUpload>? Attachments { get; init; }

    MessageCreate IMessageBody<MessageCreate>.WithAllowedMentions(AllowedMentions allowedMentions) => this with { AllowedMentions = allowedMentions };
}
