namespace InterviewBot.Configuration;

/// <summary>The bot's own settings (section <c>InterviewBot</c>). Discord settings live in their own section.</summary>
public sealed class InterviewBotOptions
{
    public const string SectionName = "InterviewBot";

    /// <summary>Where the SQLite files live. Relative paths are resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The question bank. Relative paths are resolved against the executable's directory.</summary>
    public string QuestionsDirectory { get; set; } = "questions";

    /// <summary>When set, slash commands are registered to this guild only (instant updates while developing).</summary>
    public ulong? DevelopmentGuildId { get; set; }

    /// <summary>The reaction added to the first message of each member's answer so they know it counted; empty turns it off.</summary>
    public string AnswerReaction { get; set; } = "✅";

    /// <summary>Optional loopback port for <c>/healthz</c>; null or 0 disables the endpoint.</summary>
    public int? HealthPort { get; set; }
}
