using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "applications/@me", "applications/@me", ""), null, Json.Application, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            new RestRoute(HttpMethod.Put, "applications/{application_id}/commands", $"applications/{Id(applicationId)}/commands", ""),
            JsonBody(commands, Json.IReadOnlyListApplicationCommand),
            Json.IReadOnlyListApplicationCommand,
            cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            new RestRoute(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands", $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", Id(guildId)),
            JsonBody(commands, Json.IReadOnlyListApplicationCommand),
            Json.IReadOnlyListApplicationCommand,
            cancellationToken);
}
