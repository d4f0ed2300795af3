using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Rest;

public sealed record StartThreadBody
{
    public required string Name { get; init; }

    public int? AutoArchiveDuration { get; init; }

    public ChannelType? Type { get; init; }

    public bool? Invitable { get; init; }
}
