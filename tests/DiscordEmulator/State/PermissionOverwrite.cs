namespace DiscordEmulator.State;

/// <summary>A channel permission overwrite for a role or a member.</summary>
public sealed record PermissionOverwrite(ulong TargetId, OverwriteType Type, Permissions Allow, Permissions Deny);
