using System.Globalization;
using System.Text;
using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, CancellationToken cancellationToken = default)
    {
        var body = WithDefaultMentions(message);
        DiscordLimits.Validate(body);
        return SendAsync(ChannelRoute(HttpMethod.Post, "channels/{channel_id}/messages", channelId, $"channels/{Id(channelId)}/messages"), JsonBody(body, Json.MessageCreate), Json.Message, cancellationToken);
    }

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, FileUpload file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var body = WithDefaultMentions(message);
        body = body with { Attachments = body.Attachments ?? Attach(file) };
        DiscordLimits.Validate(body);
        return SendAsync(ChannelRoute(HttpMethod.Post, "channels/{channel_id}/messages", channelId, $"channels/{Id(channelId)}/messages"), MultipartBody(body, Json.MessageCreate, file), Json.Message, cancellationToken);
    }

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageEdit edit, CancellationToken cancellationToken = default)
    {
        var body = WithDefaultMentions(edit);
        DiscordLimits.Validate(body);
        return SendAsync(ChannelRoute(HttpMethod.Patch, "channels/{channel_id}/messages/{message_id}", channelId, $"channels/{Id(channelId)}/messages/{Id(messageId)}"), JsonBody(body, Json.MessageEdit), Json.Message, cancellationToken);
    }

    public Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(ChannelRoute(HttpMethod.Delete, "channels/{channel_id}/messages/{message_id}", channelId, $"channels/{Id(channelId)}/messages/{Id(messageId)}"), null, cancellationToken);

    public Task<Message> GetMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(ChannelRoute(HttpMethod.Get, "channels/{channel_id}/messages/{message_id}", channelId, $"channels/{Id(channelId)}/messages/{Id(messageId)}"), null, Json.Message, cancellationToken);

    public Task<IReadOnlyList<Message>> GetChannelMessagesAsync(Snowflake channelId, Snowflake? before = null, Snowflake? after = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        if (before is not null && after is not null)
        {
            throw new ArgumentException("Give at most one of before and after.", nameof(after));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var query = new StringBuilder().Append(CultureInfo.InvariantCulture, $"?limit={limit}");
        if (before is { } b)
        {
            query.Append(CultureInfo.InvariantCulture, $"&before={b}");
        }

        if (after is { } a)
        {
            query.Append(CultureInfo.InvariantCulture, $"&after={a}");
        }

        return SendAsync(ChannelRoute(HttpMethod.Get, "channels/{channel_id}/messages", channelId, $"channels/{Id(channelId)}/messages{query}"), null, Json.IReadOnlyListMessage, cancellationToken);
    }

    public Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default) =>
        SendAsync(ChannelRoute(HttpMethod.Get, "channels/{channel_id}", channelId, $"channels/{Id(channelId)}"), null, Json.Channel, cancellationToken);

    public Task<Channel> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, string name, int? autoArchiveDurationMinutes = null, CancellationToken cancellationToken = default)
    {
        DiscordLimits.ValidateThreadName(name);
        var body = new StartThreadFromMessageBody { Name = name, AutoArchiveDuration = autoArchiveDurationMinutes };
        return SendAsync(ChannelRoute(HttpMethod.Post, "channels/{channel_id}/messages/{message_id}/threads", channelId, $"channels/{Id(channelId)}/messages/{Id(messageId)}/threads"), JsonBody(body, Json.StartThreadFromMessageBody), Json.Channel, cancellationToken);
    }

    public Task<Channel> StartThreadAsync(Snowflake channelId, string name, ChannelType type = ChannelType.PrivateThread, bool? invitable = null, int? autoArchiveDurationMinutes = null, CancellationToken cancellationToken = default)
    {
        DiscordLimits.ValidateThreadName(name);
        var body = new StartThreadBody { Name = name, Type = type, Invitable = invitable, AutoArchiveDuration = autoArchiveDurationMinutes };
        return SendAsync(ChannelRoute(HttpMethod.Post, "channels/{channel_id}/threads", channelId, $"channels/{Id(channelId)}/threads"), JsonBody(body, Json.StartThreadBody), Json.Channel, cancellationToken);
    }

    public Task<Channel> ModifyChannelAsync(Snowflake channelId, ChannelModify modify, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modify);
        if (modify.Name is { } name)
        {
            DiscordLimits.ValidateThreadName(name);
        }

        return SendAsync(ChannelRoute(HttpMethod.Patch, "channels/{channel_id}", channelId, $"channels/{Id(channelId)}"), JsonBody(modify, Json.ChannelModify), Json.Channel, cancellationToken);
    }

    public Task AddThreadMemberAsync(Snowflake threadId, Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(ChannelRoute(HttpMethod.Put, "channels/{channel_id}/thread-members/{user_id}", threadId, $"channels/{Id(threadId)}/thread-members/{Id(userId)}"), null, cancellationToken);

    public Task JoinThreadAsync(Snowflake threadId, CancellationToken cancellationToken = default) =>
        SendAsync(ChannelRoute(HttpMethod.Put, "channels/{channel_id}/thread-members/@me", threadId, $"channels/{Id(threadId)}/thread-members/@me"), null, cancellationToken);

    public Task CreateReactionAsync(Snowflake channelId, Snowflake messageId, string emoji, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(emoji);
        return SendAsync(ChannelRoute(HttpMethod.Put, "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", channelId, $"channels/{Id(channelId)}/messages/{Id(messageId)}/reactions/{Uri.EscapeDataString(emoji)}/@me"), null, cancellationToken);
    }

    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Post, "users/@me/channels", "users/@me/channels", ""), JsonBody(new CreateDmBody { RecipientId = userId }, Json.CreateDmBody), Json.Channel, cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "users/@me", "users/@me", ""), null, Json.User, cancellationToken);

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "gateway/bot", "gateway/bot", ""), null, Json.GatewayBotInfo, cancellationToken);

    private static RestRoute ChannelRoute(HttpMethod method, string template, Snowflake channelId, string path) =>
        new(method, template, path, Id(channelId));
}
