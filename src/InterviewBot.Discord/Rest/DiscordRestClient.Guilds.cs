using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "guilds/{guild_id}/members/{user_id}", $"guilds/{Id(guildId)}/members/{Id(userId)}", Id(guildId)), null, Json.GuildMember, cancellationToken);

    public Task<IReadOnlyList<Role>> GetGuildRolesAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "guilds/{guild_id}/roles", $"guilds/{Id(guildId)}/roles", Id(guildId)), null, Json.IReadOnlyListRole, cancellationToken);

    public Task<Guild> GetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        SendAsync(new RestRoute(HttpMethod.Get, "guilds/{guild_id}", $"guilds/{Id(guildId)}", Id(guildId)), null, Json.Guild, cancellationToken);
}
