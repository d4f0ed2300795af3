using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Health;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Interactions;

/// <summary>
/// Hands each interaction to exactly one handler: slash commands and autocomplete by command name, components and
/// modals by the feature prefix of their custom_id. A failing handler is logged and the member told something went
/// wrong; it never affects other interactions or the gateway.
/// </summary>
public sealed partial class InteractionDispatcher
{
    /// <summary>
    /// A handler that has not answered by then is deferred on its behalf (ephemeral), so slow work it did before its
    /// own deferral (a write waiting for a locked database, a long queue at the single writer) never costs the member
    /// Discord's 3-second deadline. Its reply then edits the deferral.
    /// </summary>
    public static readonly TimeSpan DeferralGuard = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, ICommandHandler> _commands;
    private readonly Dictionary<string, IComponentHandler> _components;
    private readonly IDiscordRestClient _rest;
    private readonly BotMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionDispatcher> _logger;

    public InteractionDispatcher(
        IEnumerable<ICommandHandler> commands,
        IEnumerable<IComponentHandler> components,
        IDiscordRestClient rest,
        BotMetrics metrics,
        TimeProvider time,
        ILogger<InteractionDispatcher> logger)
    {
        _commands = commands.ToDictionary(c => c.Definition.Name, StringComparer.Ordinal);
        _components = components.ToDictionary(c => c.Feature, StringComparer.Ordinal);
        _rest = rest;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyCollection<ICommandHandler> Commands => _commands.Values;

    public Task DispatchAsync(Interaction interaction, CancellationToken cancellationToken) =>
        DispatchAsync(interaction, afterDeferral: null, cancellationToken);

    /// <summary>
    /// Handles one interaction; <paramref name="afterDeferral"/> runs right after a handler's deferral went out (the
    /// gateway service uses it to move the interaction from "awaiting acknowledgement" to the bounded slow-work pool).
    /// </summary>
    public async Task DispatchAsync(Interaction interaction, Func<CancellationToken, Task>? afterDeferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = _time.GetTimestamp();
        var kind = interaction.Type.ToString();
        var failed = false;
        using var context = new InteractionContext(interaction, _rest)
        {
            AfterDeferral = afterDeferral,
            Acknowledged = () => _metrics.InteractionAcknowledged(kind, _time.GetElapsedTime(started)),
        };
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["InteractionId"] = interaction.Id.ToString(),
            ["GuildId"] = interaction.GuildId?.ToString(),
            ["ChannelId"] = interaction.ChannelId?.ToString(),
        });
        using var handled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var guard = DeferIfSlowAsync(context, kind, handled.Token); // started inside the scope, so its entries carry it
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.ApplicationCommand:
                    await HandleCommandAsync(context, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionType.ApplicationCommandAutocomplete:
                    await HandleAutocompleteAsync(context, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionType.MessageComponent:
                case InteractionType.ModalSubmit:
                    await HandleComponentAsync(context, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogIgnored(_logger, kind);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            failed = true;
            LogHandlerFailed(_logger, e, kind);
            await TellSomethingWentWrongAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await handled.CancelAsync().ConfigureAwait(false);
            await guard.ConfigureAwait(false);
            _metrics.InteractionHandled(kind, failed);
        }
    }

    private async Task DeferIfSlowAsync(InteractionContext context, string kind, CancellationToken handled)
    {
        try
        {
            // Discord's deadline runs on the wall clock, whatever clock the domain is given (tests fake that one).
            await Task.Delay(DeferralGuard, TimeProvider.System, handled).ConfigureAwait(false);
            if (await context.DeferIfUnansweredAsync(handled).ConfigureAwait(false))
            {
                LogDeferredByGuard(_logger, kind, DeferralGuard.TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (handled.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or OperationCanceledException)
        {
            LogGuardFailed(_logger, e, kind);
        }
    }

    private async Task HandleCommandAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var name = context.Data.Name ?? string.Empty;
        if (!_commands.TryGetValue(name, out var handler))
        {
            await context.ReplyAsync("That command is not available any more. Try `/help`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!context.InGuild)
        {
            await context.ReplyAsync("InterviewBot works inside a server. Run this command in one of your server's channels.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
        if (!context.HasResponded)
        {
            // A handler must always answer; if it forgot, Discord would show "The application did not respond".
            await context.ReplyAsync("Done.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApplicationCommandOptionChoice> choices = [];
        if (_commands.TryGetValue(context.Data.Name ?? string.Empty, out var handler) && context.InGuild)
        {
            choices = await handler.AutocompleteAsync(context, cancellationToken).ConfigureAwait(false);
        }

        await context.AutocompleteAsync(choices, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleComponentAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (!CustomId.TryParse(context.Data.CustomId, out var id) || !_components.TryGetValue(id.Feature, out var handler))
        {
            await context.ReplyAsync("This button is no longer valid.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!context.InGuild)
        {
            await context.ReplyAsync("This only works inside a server.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await handler.HandleAsync(context, id, cancellationToken).ConfigureAwait(false);
        if (!context.HasResponded)
        {
            await context.DeferUpdateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TellSomethingWentWrongAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
            {
                if (!context.HasResponded)
                {
                    await context.AutocompleteAsync([], cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await context.ReplyAsync("Sorry, something went wrong on our side. Please try again in a moment.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or TaskCanceledException)
        {
            LogApologyFailed(_logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction of type {Kind}")]
    private static partial void LogIgnored(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction handler failed ({Kind})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction ({Kind}) not answered within {Seconds} s: deferred on the handler's behalf")]
    private static partial void LogDeferredByGuard(ILogger logger, string kind, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not defer a slow interaction ({Kind})")]
    private static partial void LogGuardFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the member that their interaction failed")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);
}
