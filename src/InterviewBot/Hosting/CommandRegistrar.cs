using InterviewBot.Configuration;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Hosting;

/// <summary>
/// Registers every slash command with one bulk overwrite: globally, or to the development guild when one is configured
/// (guild commands update instantly, global ones can take a while to reach every client).
/// </summary>
public sealed partial class CommandRegistrar(
    InteractionDispatcher dispatcher,
    IDiscordRestClient rest,
    IOptions<InterviewBotOptions> options,
    ILogger<CommandRegistrar> logger)
{
    public IReadOnlyList<ApplicationCommand> Definitions =>
        [.. dispatcher.Commands.Select(c => c.Definition).OrderBy(c => c.Name, StringComparer.Ordinal)];

    public async Task RegisterAsync(Snowflake applicationId, CancellationToken cancellationToken)
    {
        if (options.Value.DevelopmentGuildId is { } guildId)
        {
            // Contexts only apply to global commands.
            var definitions = Definitions.Select(d => d with { Contexts = null }).ToList();
            await rest.BulkOverwriteGuildCommandsAsync(applicationId, new Snowflake(guildId), definitions, cancellationToken).ConfigureAwait(false);
            LogRegisteredToGuild(logger, definitions.Count, guildId);
        }
        else
        {
            await rest.BulkOverwriteGlobalCommandsAsync(applicationId, Definitions, cancellationToken).ConfigureAwait(false);
            LogRegisteredGlobally(logger, Definitions.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands to guild {GuildId}")]
    private static partial void LogRegisteredToGuild(ILogger logger, int count, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands globally")]
    private static partial void LogRegisteredGlobally(ILogger logger, int count);
}
