using System.Text.Json.Nodes;
using DiscordEmulator.Scripting;

namespace DiscordEmulator.State;

/// <summary>An interaction the emulator sent: its token, deadlines and what the bot answered.</summary>
internal sealed class InteractionState(ulong id, string token, int type, EmulatedUser user, ulong? guildId, ulong channelId, DateTimeOffset createdAt, long createdTimestamp)
{
    public ulong Id { get; } = id;

    public string Token { get; } = token;

    public int Type { get; } = type;

    public EmulatedUser User { get; } = user;

    public ulong? GuildId { get; } = guildId;

    public ulong ChannelId { get; } = channelId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public long CreatedTimestamp { get; } = createdTimestamp;

    public ulong? SourceMessageId { get; init; }

    public JsonObject Payload { get; set; } = [];

    public bool Responded { get; set; }

    public int? ResponseType { get; set; }

    public ulong? OriginalMessageId { get; set; }

    public bool DeferredLoading { get; set; }

    public bool DeferredEphemeral { get; set; }

    public List<ulong> FollowupIds { get; } = [];

    public TaskCompletionSource<InteractionResponse> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
