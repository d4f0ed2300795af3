namespace InterviewBot.Discord.Rest;

public sealed record StartThreadFromMessageBody
{
    public required string Name { get; init; }

    public int? AutoArchiveDuration { get; init; }
}
