namespace InterviewBot.Discord.Gateway;

public sealed record IdentifyProperties
{
    public required string Os { get; init; }

    public required string Browser { get; init; }

    public required string Device { get; init; }
}
