namespace InterviewBot.Discord.Entities;

public sealed record ThreadMetadata
{
    public bool Archived { get; init; }

    /// <summary>Minutes of inactivity before auto-archive: 60, 1440, 4320 or 10080.</summary>
    public int AutoArchiveDuration { get; init; }

    public DateTimeOffset? ArchiveTimestamp { get; init; }

    public bool Locked { get; init; }

    public bool? Invitable { get; init; }

    public DateTimeOffset? CreateTimestamp { get; init; }
}
