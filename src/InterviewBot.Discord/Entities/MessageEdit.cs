namespace InterviewBot.Discord.Entities;

/// <summary>
/// Body of Edit Message and Edit Original Response. Null fields are not sent (left unchanged);
/// send "" or an empty list to clear.
/// </summary>
public sealed record MessageEdit : IMessageBody<MessageEdit>
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The complete list of attachments to keep (plus new uploads).</summary>
    public IReadOnlyList<AttachmentUpload>? Attachments { get; init; }

    MessageEdit IMessageBody<MessageEdit>.WithAllowedMentions(AllowedMentions allowedMentions) => this with { AllowedMentions = allowedMentions };
}
