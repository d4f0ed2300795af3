using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization.Metadata;
using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Gateway;

/// <summary>
/// Turns raw gateway frames into envelopes and dispatches into typed events. Never throws: malformed input
/// yields false with a reason that contains no payload text (payloads may carry interaction tokens).
/// </summary>
internal static class GatewayPayloadDecoder
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public static bool TryDecodeEnvelope(ReadOnlySpan<byte> utf8, out GatewayEnvelope envelope, out string? error)
    {
        envelope = default;
        if (!Utf8.IsValid(utf8))
        {
            error = "payload is not valid UTF-8";
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            var root = JsonElement.ParseValue(ref reader);
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "payload is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opcode))
            {
                error = "payload has no numeric op";
                return false;
            }

            long? sequence = null;
            if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var seq))
            {
                sequence = seq;
            }

            string? eventName = null;
            if (root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String)
            {
                eventName = t.GetString();
            }

            var data = root.TryGetProperty("d", out var d) ? d : default;
            envelope = new GatewayEnvelope((GatewayOpcode)opcode, data, sequence, eventName);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON at byte {ex.BytePositionInLine ?? 0}";
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            error = "invalid UTF-8 or JSON";
            return false;
        }
    }

    /// <summary>
    /// Decodes a dispatch. Returns true with a null event for events this client does not model; false when
    /// a modelled event's payload is malformed.
    /// </summary>
    public static bool TryDecodeDispatch(string? eventName, JsonElement data, int shardId, out GatewayEvent? gatewayEvent, out string? error)
    {
        gatewayEvent = null;
        error = null;
        try
        {
            gatewayEvent = eventName switch
            {
                "READY" => Ready(Read(data, Json.ReadyPayload)),
                "RESUMED" => new ResumedEvent(),
                "GUILD_CREATE" => new GuildCreateEvent(Read(data, Json.Guild)),
                "GUILD_DELETE" => new GuildDeleteEvent(Read(data, Json.UnavailableGuild)),
                "CHANNEL_CREATE" => new ChannelCreateEvent(Read(data, Json.Channel)),
                "CHANNEL_UPDATE" => new ChannelUpdateEvent(Read(data, Json.Channel)),
                "CHANNEL_DELETE" => new ChannelDeleteEvent(Read(data, Json.Channel)),
                "THREAD_CREATE" => new ThreadCreateEvent(Read(data, Json.Channel)),
                "THREAD_UPDATE" => new ThreadUpdateEvent(Read(data, Json.Channel)),
                "THREAD_DELETE" => new ThreadDeleteEvent(Read(data, Json.Channel)),
                "MESSAGE_CREATE" => new MessageCreateEvent(Read(data, Json.Message)),
                "MESSAGE_UPDATE" => new MessageUpdateEvent(Read(data, Json.PartialMessage)),
                "MESSAGE_DELETE" => MessageDelete(Read(data, Json.MessageDeletePayload)),
                "MESSAGE_REACTION_ADD" => new MessageReactionAddEvent(Read(data, Json.MessageReaction)),
                "MESSAGE_REACTION_REMOVE" => new MessageReactionRemoveEvent(Read(data, Json.MessageReaction)),
                "INTERACTION_CREATE" => new InteractionCreateEvent(Read(data, Json.Interaction)),
                _ => null,
            };
            gatewayEvent = gatewayEvent is null ? null : gatewayEvent with { ShardId = shardId };
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            // The message of a JsonException names a path, never the payload's values.
            error = $"{ex.GetType().Name} decoding {eventName}: {(ex as JsonException)?.Path ?? "(no path)"}";
            gatewayEvent = null;
            return false;
        }
    }

    private static T Read<T>(JsonElement data, JsonTypeInfo<T> typeInfo)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("dispatch data is not an object");
        }

        return data.Deserialize(typeInfo) ?? throw new JsonException("dispatch data is null");
    }

    private static ReadyEvent Ready(ReadyPayload ready) =>
        new(ready.User, ready.Guilds, ready.SessionId, ready.Application?.Id, ready.ResumeGatewayUrl);

    private static MessageDeleteEvent MessageDelete(MessageDeletePayload payload) =>
        new(payload.Id, payload.ChannelId, payload.GuildId);
}
