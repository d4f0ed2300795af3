namespace InterviewBot.Discord.Entities;

/// <summary>A payload breaks one of Discord's documented size limits; the message names the limit.</summary>
public sealed class DiscordLimitException : ArgumentException
{
    public DiscordLimitException()
    {
    }

    public DiscordLimitException(string message)
        : base(message)
    {
    }

    public DiscordLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordLimitException(IReadOnlyList<string> violations)
        : base(string.Join("; ", violations ?? []))
    {
        Violations = violations ?? [];
    }

    public IReadOnlyList<string> Violations { get; } = [];
}
