using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>
/// MESSAGE_UPDATE's payload: only id and channel_id are guaranteed. A null field means "not sent",
/// not "cleared" (e.g. embed-only updates carry no content).
/// </summary>
public sealed record PartialMessage
{
    public required Snowflake Id { get; init; }

    public required Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    public User? Author { get; init; }

    public GuildMember? Member { get; init; }

    public string? Content { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public MessageReference? MessageReference { get; init; }

    [JsonConverter(typeof(NonceJsonConverter))]
    public string? Nonce { get; init; }

    public MessageType? Type { get; init; }

    public MessageFlags? Flags { get; init; }

    public Snowflake? WebhookId { get; init; }

    public Channel? Thread { get; init; }
}
