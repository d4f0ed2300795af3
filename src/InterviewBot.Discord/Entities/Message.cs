using System.Text.Json.Serialization;

namespace InterviewBot.Discord.Entities;

/// <summary>A message as returned by REST and MESSAGE_CREATE.</summary>
public sealed record Message
{
    public required Snowflake Id { get; init; }

    /// <summary>For a message in a thread, the thread's id.</summary>
    public required Snowflake ChannelId { get; init; }

    /// <summary>Only in gateway events; missing on ephemeral messages and in REST responses.</summary>
    public Snowflake? GuildId { get; init; }

    public required User Author { get; init; }

    /// <summary>Gateway only: the author's partial member (without user).</summary>
    public GuildMember? Member { get; init; }

    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public bool? Tts { get; init; }

    public bool? MentionEveryone { get; init; }

    public IReadOnlyList<User>? Mentions { get; init; }

    public IReadOnlyList<Snowflake>? MentionRoles { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    public IReadOnlyList<Component>? Components { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>Null when the replied-to message was deleted.</summary>
    public Message? ReferencedMessage { get; init; }

    /// <summary>Integer or string on the wire; always a string here.</summary>
    [JsonConverter(typeof(NonceJsonConverter))]
    public string? Nonce { get; init; }

    public bool? Pinned { get; init; }

    public Snowflake? WebhookId { get; init; }

    public MessageType Type { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public MessageFlags? Flags { get; init; }

    /// <summary>The thread started from this message, if any.</summary>
    public Channel? Thread { get; init; }

    public int? Position { get; init; }
}
