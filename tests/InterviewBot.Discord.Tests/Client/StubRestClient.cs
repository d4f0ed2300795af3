using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Tests.Client;

/// <summary>Answers GET /gateway/bot; every other call is a test bug.</summary>
internal sealed class StubRestClient(Func<GatewayBotInfo> gatewayBot) : IDiscordRestClient
{
    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, FileUpload file, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageEdit edit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> GetMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Message>> GetChannelMessagesAsync(Snowflake channelId, Snowflake? before, Snowflake? after, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Channel> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, string name, int? autoArchiveDurationMinutes, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Channel> StartThreadAsync(Snowflake channelId, string name, ChannelType type, bool? invitable, int? autoArchiveDurationMinutes, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Channel> ModifyChannelAsync(Snowflake channelId, ChannelModify modify, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddThreadMemberAsync(Snowflake threadId, Snowflake userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task JoinThreadAsync(Snowflake threadId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateReactionAsync(Snowflake channelId, Snowflake messageId, string emoji, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, FileUpload? file, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> GetOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageEdit edit, FileUpload? file, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageCreate message, FileUpload? file, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Role>> GetGuildRolesAsync(Snowflake guildId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Guild> GetGuildAsync(Snowflake guildId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) => Task.FromResult(gatewayBot());
}
