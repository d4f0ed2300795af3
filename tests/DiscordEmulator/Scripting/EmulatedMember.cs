using DiscordEmulator.State;

namespace DiscordEmulator.Scripting;

/// <summary>A scripted guild member: runs commands, posts, edits, clicks, submits modals and reacts.</summary>
public sealed partial class EmulatedMember
{
    private readonly EmulatorState _state;

    internal EmulatedMember(EmulatorState state, EmulatedGuild guild, EmulatedUser user)
    {
        _state = state;
        Guild = guild;
        User = user;
    }

    public EmulatedGuild Guild { get; }

    public EmulatedUser User { get; }

    public ulong Id => User.Id;

    public string Name => User.Name;

    public string Mention => User.Mention;

    /// <summary>Where commands run when no channel is named: the guild's first text channel.</summary>
    public EmulatedChannel DefaultChannel
    {
        get
        {
            lock (_state.Gate)
            {
                return Guild.ChannelIds.Select(c => _state.Channels[c]).FirstOrDefault(c => c.Type == ChannelType.GuildText)
                    ?? throw new InvalidOperationException($"Guild '{Guild.Name}' has no text channel.");
            }
        }
    }

    /// <summary>The member's computed permissions in a channel.</summary>
    public Permissions PermissionsIn(EmulatedChannel channel)
    {
        lock (_state.Gate)
        {
            return _state.PermissionsOf(Id, channel);
        }
    }

    /// <summary>Gives the member a role.</summary>
    public EmulatedMember AddRole(EmulatedRole role)
    {
        lock (_state.Gate)
        {
            var roles = Guild.MemberStates[Id].RoleIds;
            if (!roles.Contains(role.Id))
            {
                roles.Add(role.Id);
            }
        }

        return this;
    }
}
