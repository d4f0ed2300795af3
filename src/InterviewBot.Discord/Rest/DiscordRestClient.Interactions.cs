using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, FileUpload? file = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        if (response.CarriesMessage && response.Data is { } data)
        {
            data = WithDefaultMentions(data);
            if (file is not null)
            {
                data = data with { Attachments = data.Attachments ?? Attach(file) };
            }

            response = response with { Data = data };
        }

        DiscordLimits.Validate(response);
        var route = new RestRoute(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", $"interactions/{Id(interactionId)}/{Escape(interactionToken)}/callback", Id(interactionId), IsInteraction: true);
        return SendAsync(route, file is null ? JsonBody(response, Json.InteractionResponse) : MultipartBody(response, Json.InteractionResponse, file), cancellationToken);
    }

    public Task<Message> GetOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(WebhookRoute(HttpMethod.Get, "webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken, "/messages/@original"), null, Json.Message, cancellationToken);

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageEdit edit, FileUpload? file = null, CancellationToken cancellationToken = default)
    {
        var body = WithDefaultMentions(edit);
        if (file is not null)
        {
            body = body with { Attachments = body.Attachments ?? Attach(file) };
        }

        DiscordLimits.Validate(body);
        var route = WebhookRoute(HttpMethod.Patch, "webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken, "/messages/@original");
        return SendAsync(route, file is null ? JsonBody(body, Json.MessageEdit) : MultipartBody(body, Json.MessageEdit, file), Json.Message, cancellationToken);
    }

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(WebhookRoute(HttpMethod.Delete, "webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken, "/messages/@original"), null, cancellationToken);

    public Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageCreate message, FileUpload? file = null, CancellationToken cancellationToken = default)
    {
        var body = WithDefaultMentions(message);
        if (file is not null)
        {
            body = body with { Attachments = body.Attachments ?? Attach(file) };
        }

        DiscordLimits.Validate(body);
        var route = WebhookRoute(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}", applicationId, interactionToken, "");
        return SendAsync(route, file is null ? JsonBody(body, Json.MessageCreate) : MultipartBody(body, Json.MessageCreate, file), Json.Message, cancellationToken);
    }

    private static RestRoute WebhookRoute(HttpMethod method, string template, Snowflake applicationId, string token, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new RestRoute(method, template, $"webhooks/{Id(applicationId)}/{Escape(token)}{suffix}", $"{Id(applicationId)}:{TokenKey(token)}", IsInteraction: true);
    }
}
