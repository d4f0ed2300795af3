using InterviewBot.Discord.Entities;

namespace InterviewBot.Features.Interactions;

/// <summary>A slash command: its definition (registered at start-up) and its handler.</summary>
public interface ICommandHandler
{
    ApplicationCommand Definition { get; }

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);

    /// <summary>Choices for the option being typed; the default offers none.</summary>
    Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApplicationCommandOptionChoice>>([]);
}
