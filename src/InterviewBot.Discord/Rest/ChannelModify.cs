namespace InterviewBot.Discord.Rest;

/// <summary>Modify Channel body for threads: null fields are left unchanged.</summary>
public sealed record ChannelModify
{
    public string? Name { get; init; }

    public bool? Archived { get; init; }

    public bool? Locked { get; init; }

    public int? AutoArchiveDuration { get; init; }

    public bool? Invitable { get; init; }

    public int? RateLimitPerUser { get; init; }
}
