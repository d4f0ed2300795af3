namespace DiscordEmulator.State;

/// <summary>Whom a channel permission overwrite targets.</summary>
public enum OverwriteType
{
    Role = 0,
    Member = 1,
}
