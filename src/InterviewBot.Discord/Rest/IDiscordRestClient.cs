using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

/// <summary>
/// Every Discord REST call the bot makes. Implementations own rate limits, retries and the
/// "mention nobody" default for <c>allowed_mentions</c>. Failures other than transient ones throw
/// <see cref="DiscordApiException"/>; payloads over Discord's limits throw <see cref="DiscordLimitException"/>.
/// </summary>
public interface IDiscordRestClient
{
    Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, CancellationToken cancellationToken = default);

    /// <summary>Posts a message with one file attached (multipart).</summary>
    Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, FileUpload file, CancellationToken cancellationToken = default);

    Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageEdit edit, CancellationToken cancellationToken = default);

    Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default);

    Task<Message> GetMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; give at most one of <paramref name="before"/> and <paramref name="after"/>; limit 1-100.</summary>
    Task<IReadOnlyList<Message>> GetChannelMessagesAsync(Snowflake channelId, Snowflake? before = null, Snowflake? after = null, int limit = 50, CancellationToken cancellationToken = default);

    Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default);

    /// <summary>Public thread under a message; the thread's id equals the message id.</summary>
    Task<Channel> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, string name, int? autoArchiveDurationMinutes = null, CancellationToken cancellationToken = default);

    /// <summary>Thread without a message; Discord defaults to a private thread.</summary>
    Task<Channel> StartThreadAsync(Snowflake channelId, string name, ChannelType type = ChannelType.PrivateThread, bool? invitable = null, int? autoArchiveDurationMinutes = null, CancellationToken cancellationToken = default);

    Task<Channel> ModifyChannelAsync(Snowflake channelId, ChannelModify modify, CancellationToken cancellationToken = default);

    Task AddThreadMemberAsync(Snowflake threadId, Snowflake userId, CancellationToken cancellationToken = default);

    Task JoinThreadAsync(Snowflake threadId, CancellationToken cancellationToken = default);

    /// <summary>Reacts as the bot; <paramref name="emoji"/> is a unicode emoji or name:id.</summary>
    Task CreateReactionAsync(Snowflake channelId, Snowflake messageId, string emoji, CancellationToken cancellationToken = default);

    Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default);

    Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>The initial response (within 3 s). Not subject to the global rate limit.</summary>
    Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, FileUpload? file = null, CancellationToken cancellationToken = default);

    Task<Message> GetOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default);

    Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessageEdit edit, FileUpload? file = null, CancellationToken cancellationToken = default);

    Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default);

    /// <summary>A followup message; after a deferral the first followup replaces the loading message. Flags may include Ephemeral.</summary>
    Task<Message> CreateFollowupAsync(Snowflake applicationId, string interactionToken, MessageCreate message, FileUpload? file = null, CancellationToken cancellationToken = default);

    Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default);

    Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Role>> GetGuildRolesAsync(Snowflake guildId, CancellationToken cancellationToken = default);

    Task<Guild> GetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default);

    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default);
}
