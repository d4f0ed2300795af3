using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Features.Daily;

/// <summary>
/// The pre-flight check before a schedule is saved: computes the bot's permissions in the target channel the way
/// Discord does (@everyone, then the bot's roles, then the channel's overwrites for @everyone, roles and the bot) and
/// names what is missing, so a missing permission is found at setup instead of at 09:00 the next day.
/// </summary>
public sealed class ChannelPermissionCheck(IDiscordRestClient rest)
{
    /// <summary>What a daily post needs: see the channel, post the embed, open the thread and post in it (the reveal).</summary>
    public static readonly IReadOnlyList<(Permissions Permission, string Name)> Required =
    [
        (Permissions.ViewChannel, "View Channel"),
        (Permissions.SendMessages, "Send Messages"),
        (Permissions.EmbedLinks, "Embed Links"),
        (Permissions.CreatePublicThreads, "Create Public Threads"),
        (Permissions.SendMessagesInThreads, "Send Messages in Threads"),
    ];

    private ulong? _botUserId;

    /// <summary>The names of the required permissions the bot lacks in the channel; empty when it can post there.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        var botId = _botUserId ??= (await rest.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false)).Id.Value;
        var channel = await rest.GetChannelAsync(new Snowflake(channelId), cancellationToken).ConfigureAwait(false);
        var roles = await rest.GetGuildRolesAsync(new Snowflake(guildId), cancellationToken).ConfigureAwait(false);
        var member = await rest.GetGuildMemberAsync(new Snowflake(guildId), new Snowflake(botId), cancellationToken).ConfigureAwait(false);
        var granted = Compute(guildId, botId, member.Roles.Select(r => r.Value).ToHashSet(), roles, channel.PermissionOverwrites ?? []);
        return [.. Required.Where(r => (granted & r.Permission) != r.Permission).Select(r => r.Name)];
    }

    /// <summary>Discord's permission algorithm for one member in one channel.</summary>
    public static Permissions Compute(ulong guildId, ulong userId, IReadOnlySet<ulong> memberRoleIds, IReadOnlyList<Role> roles, IReadOnlyList<PermissionOverwrite> overwrites)
    {
        ArgumentNullException.ThrowIfNull(memberRoleIds);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(overwrites);
        var permissions = Permissions.None;
        foreach (var role in roles.Where(r => r.Id.Value == guildId || memberRoleIds.Contains(r.Id.Value)))
        {
            permissions |= role.Permissions;
        }

        if ((permissions & Permissions.Administrator) != 0)
        {
            return (Permissions)ulong.MaxValue;
        }

        if (overwrites.FirstOrDefault(o => o.Id.Value == guildId) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var allow = Permissions.None;
        var deny = Permissions.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && memberRoleIds.Contains(o.Id.Value)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id.Value == userId) is { } own)
        {
            permissions = (permissions & ~own.Deny) | own.Allow;
        }

        return permissions;
    }
}
