using System.Text.Json.Nodes;
using DiscordEmulator.Scripting;
using DiscordEmulator.State;

namespace DiscordEmulator.Rest;

internal static partial class Routes
{
    private const int Loading = 1 << 7;
    private const int Ephemeral = 1 << 6;

    private static RestResult InteractionCallback(RestCall call)
    {
        var s = call.State;
        if (!s.Interactions.TryGetValue(call.Id("interaction_id"), out var i) || i.Token != call.Param("interaction_token"))
        {
            throw DiscordApiException.UnknownInteraction();
        }

        if (i.Responded)
        {
            throw new DiscordApiException(400, 40060, "Interaction has already been acknowledged.");
        }

        if (s.Time.GetUtcNow() - i.CreatedAt > s.Options.InteractionCallbackDeadline)
        {
            throw DiscordApiException.UnknownInteraction();
        }

        var body = call.Object();
        var type = (int)(Json.GetLong(body, "type") ?? 0);
        var data = body["data"] as JsonObject;
        var allowed = i.Type switch
        {
            2 => new[] { 4, 5, 9 },
            3 => [4, 5, 6, 7, 9],
            4 => [8],
            5 => i.SourceMessageId is null ? [4, 5] : [4, 5, 6, 7],
            _ => [1],
        };
        if (!allowed.Contains(type))
        {
            var errors = new FormErrors();
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Interaction response type {type} is not valid for interaction type {i.Type}.");
            throw DiscordApiException.InvalidForm(errors);
        }

        var channel = s.Channels[i.ChannelId];
        EmulatedMessage? message = null;
        switch (type)
        {
            case 4:
                data ??= [];
                MessageValidator.Validate(data, isCreate: true, InteractionMessageFlags, hasFiles: call.Files is not null);
                message = s.CreateMessage(channel, s.Bot, data, parseAllByDefault: false, Attachments(call, data), m => MarkInteractionMessage(s, m, i, i.Type == 2 ? 20 : 0));
                i.OriginalMessageId = message.Id;
                break;
            case 5:
                var flags = (int)(Json.GetLong(data, "flags") ?? 0);
                if ((flags & ~Ephemeral) != 0)
                {
                    var errors = new FormErrors();
                    errors.Add("data.flags", "MESSAGE_FLAGS_INVALID", "Only EPHEMERAL may be set when deferring.");
                    throw DiscordApiException.InvalidForm(errors);
                }

                i.DeferredEphemeral = (flags & Ephemeral) != 0;
                i.DeferredLoading = true;
                message = s.CreateMessage(channel, s.Bot, new JsonObject { ["flags"] = Loading | (flags & Ephemeral) }, parseAllByDefault: false,
                    configure: m => MarkInteractionMessage(s, m, i, i.Type == 2 ? 20 : 0));
                i.OriginalMessageId = message.Id;
                break;
            case 6:
                i.OriginalMessageId = i.SourceMessageId;
                break;
            case 7:
                data ??= [];
                MessageValidator.Validate(data, isCreate: false, InteractionMessageFlags, hasFiles: call.Files is not null);
                message = s.Messages[i.SourceMessageId!.Value];
                s.EditMessage(message, data, parseAllByDefault: false, Attachments(call, data));
                i.OriginalMessageId = message.Id;
                break;
            case 8:
                ValidateChoices(data);
                break;
            case 9:
                ValidateModal(data);
                break;
        }

        i.Responded = true;
        i.ResponseType = type;
        i.Response.TrySetResult(new InteractionResponse(type, (JsonObject?)data?.DeepClone(), s.Time.GetElapsedTime(i.CreatedTimestamp)));
        if (!string.Equals(call.QueryValue("with_response"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return RestResult.NoContent();
        }

        var interaction = new JsonObject { ["id"] = Json.Id(i.Id), ["type"] = i.Type };
        if (message is not null)
        {
            interaction["response_message_id"] = Json.Id(message.Id);
            interaction["response_message_loading"] = (message.Flags & Loading) != 0;
            interaction["response_message_ephemeral"] = message.Ephemeral;
        }

        var result = new JsonObject { ["interaction"] = interaction };
        if (type is 4 or 7 && message is not null)
        {
            result["resource"] = new JsonObject { ["type"] = type, ["message"] = message.ToJson(s) };
        }

        return RestResult.Ok(result);
    }

    private static void MarkInteractionMessage(EmulatorState s, EmulatedMessage m, InteractionState i, int type)
    {
        m.Type = type;
        m.InteractionId = i.Id;
        m.WebhookId = s.ApplicationId;
        m.ApplicationId = s.ApplicationId;
        var meta = new JsonObject
        {
            ["id"] = Json.Id(i.Id),
            ["type"] = i.Type,
            ["user"] = i.User.ToJson(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = Json.Id(i.GuildId ?? 0) },
        };
        if (i.Type == 2 && i.Payload["data"] is JsonObject d)
        {
            meta["name"] = Json.GetString(d, "name");
            meta["command_type"] = 1;
        }

        if (i.Type == 3 && i.SourceMessageId is { } source)
        {
            meta["interacted_message_id"] = Json.Id(source);
        }

        m.InteractionMetadata = meta;
    }

    private static void ValidateChoices(JsonObject? data)
    {
        var errors = new FormErrors();
        if (data?["choices"] is not JsonArray choices)
        {
            errors.Add("data.choices", "BASE_TYPE_REQUIRED", "This field is required");
        }
        else
        {
            if (choices.Count > 25)
            {
                errors.Add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }

            for (var c = 0; c < choices.Count; c++)
            {
                var choice = choices[c] as JsonObject;
                errors.Length($"data.choices.{c}.name", Json.GetString(choice, "name"), 1, 100);
                if (choice?["value"] is JsonValue v && v.TryGetValue<string>(out var sv))
                {
                    errors.MaxLength($"data.choices.{c}.value", sv, 100);
                }
            }
        }

        errors.ThrowIfAny();
    }

    private static void ValidateModal(JsonObject? data)
    {
        var errors = new FormErrors();
        errors.Length("data.custom_id", Json.GetString(data, "custom_id"), 1, 100);
        errors.Length("data.title", Json.GetString(data, "title"), 1, 45);
        if (data?["components"] is not JsonArray components || components.Count is < 1 or > 5)
        {
            errors.Add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        else
        {
            MessageValidator.ValidateComponents(components, v2: true, errors, "data.components");
            if (components.OfType<JsonObject>().Any(c => Json.GetLong(c, "type") is not (1 or 18 or 10)))
            {
                errors.Add("data.components", "UNION_TYPE_CHOICES", "Modal top-level components must be labels, action rows or text displays.");
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>The interaction behind a webhook token; 10015 for unknown, 50027 once the 15-minute token expired.</summary>
    private static InteractionState WebhookInteraction(RestCall call)
    {
        var s = call.State;
        if (call.Id("webhook_id") != s.ApplicationId)
        {
            throw DiscordApiException.UnknownWebhook();
        }

        var token = call.Param("webhook_token");
        var i = s.Interactions.Values.FirstOrDefault(x => x.Token == token) ?? throw DiscordApiException.UnknownWebhook();
        if (s.Time.GetUtcNow() - i.CreatedAt > s.Options.InteractionTokenLifetime)
        {
            throw new DiscordApiException(401, 50027, "Invalid Webhook Token");
        }

        if (!i.Responded)
        {
            throw DiscordApiException.UnknownWebhook();
        }

        return i;
    }

    private static EmulatedMessage InteractionMessage(RestCall call, InteractionState i, bool original)
    {
        var s = call.State;
        var id = original ? i.OriginalMessageId : call.Id("message_id");
        if (id is { } mid && s.Messages.TryGetValue(mid, out var m) && !m.Deleted
            && (original || mid == i.OriginalMessageId || i.FollowupIds.Contains(mid)))
        {
            return m;
        }

        throw DiscordApiException.UnknownMessage();
    }

    private static RestResult GetOriginal(RestCall call)
    {
        var i = WebhookInteraction(call);
        return RestResult.Ok(InteractionMessage(call, i, original: true).ToJson(call.State));
    }

    private static RestResult GetFollowup(RestCall call)
    {
        var i = WebhookInteraction(call);
        return RestResult.Ok(InteractionMessage(call, i, original: false).ToJson(call.State));
    }

    private static RestResult EditOriginal(RestCall call) => EditInteractionMessage(call, original: true);

    private static RestResult EditFollowup(RestCall call) => EditInteractionMessage(call, original: false);

    private static RestResult EditInteractionMessage(RestCall call, bool original)
    {
        var s = call.State;
        var i = WebhookInteraction(call);
        var message = InteractionMessage(call, i, original);
        var body = call.Object();
        var attachments = Attachments(call, body);
        MessageValidator.Validate(body, isCreate: false, InteractionMessageFlags, attachments is not null);
        if ((message.Flags & Loading) != 0)
        {
            message.Flags &= ~Loading;
            i.DeferredLoading = false;
        }

        s.EditMessage(message, body, parseAllByDefault: false, attachments);
        return RestResult.Ok(message.ToJson(s));
    }

    private static RestResult DeleteOriginal(RestCall call) => DeleteInteractionMessage(call, original: true);

    private static RestResult DeleteFollowup(RestCall call) => DeleteInteractionMessage(call, original: false);

    private static RestResult DeleteInteractionMessage(RestCall call, bool original)
    {
        var i = WebhookInteraction(call);
        call.State.DeleteMessage(InteractionMessage(call, i, original));
        return RestResult.NoContent();
    }

    private static RestResult CreateFollowup(RestCall call)
    {
        var s = call.State;
        var i = WebhookInteraction(call);
        var body = call.Object();
        var attachments = Attachments(call, body);
        MessageValidator.Validate(body, isCreate: true, InteractionMessageFlags, attachments is not null);
        if (i.DeferredLoading && i.OriginalMessageId is { } loadingId && s.Messages.TryGetValue(loadingId, out var loading) && !loading.Deleted)
        {
            // The first followup after a type-5 defer edits the loading message, keeping the defer's ephemeral choice.
            i.DeferredLoading = false;
            loading.Flags &= ~Loading;
            var edit = (JsonObject)body.DeepClone();
            edit.Remove("flags");
            s.EditMessage(loading, edit, parseAllByDefault: false, attachments);
            return RestResult.Ok(loading.ToJson(s));
        }

        var channel = s.Channels[i.ChannelId];
        var message = s.CreateMessage(channel, s.Bot, body, parseAllByDefault: false, attachments, m => MarkInteractionMessage(s, m, i, 0));
        i.FollowupIds.Add(message.Id);
        return RestResult.Ok(message.ToJson(s));
    }
}
