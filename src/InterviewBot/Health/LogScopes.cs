using System.Globalization;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Health;

/// <summary>
/// The log scopes that say where something happened: guild, channel, prompt and message ids (as strings, like
/// Discord's snowflakes in JSON). Scopes flow to every logger called inside them, so one scope per unit of work (an
/// interaction, a gateway message, a post, a reveal) labels all the entries below it. Never message contents.
/// </summary>
public static class LogScopes
{
    public const string GuildId = "GuildId";
    public const string ChannelId = "ChannelId";
    public const string ThreadId = "ThreadId";
    public const string PromptId = "PromptId";
    public const string MessageId = "MessageId";
    public const string SessionId = "SessionId";

    /// <summary>A prompt: its guild, the channel it was posted in, its thread (once it has one) and its id.</summary>
    public static IDisposable? BeginPromptScope(this ILogger logger, Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(prompt);
        return logger.BeginScope(new Dictionary<string, object?>
        {
            [GuildId] = Id(prompt.GuildId),
            [ChannelId] = Id(prompt.ChannelId),
            [ThreadId] = prompt.ThreadId is { } thread ? Id(thread) : null,
            [PromptId] = prompt.PromptId.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>An interview session: its guild, its thread (the channel) and its id (deadline jobs and resumes run outside any interaction).</summary>
    public static IDisposable? BeginSessionScope(this ILogger logger, InterviewSession session)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(session);
        return logger.BeginScope(new Dictionary<string, object?>
        {
            [GuildId] = Id(session.GuildId),
            [ChannelId] = Id(session.ChannelId),
            [SessionId] = session.SessionId.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A gateway message event (create, edit, delete) or a message found by back-fill.</summary>
    public static IDisposable? BeginMessageScope(this ILogger logger, ulong? guildId, ulong channelId, ulong messageId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object?>
        {
            [GuildId] = guildId is { } guild ? Id(guild) : null,
            [ChannelId] = Id(channelId),
            [MessageId] = Id(messageId),
        });
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
