namespace InterviewBot.Features.Interactions;

/// <summary>Buttons, selects and modal submits whose custom_id starts with <see cref="Feature"/>.</summary>
public interface IComponentHandler
{
    string Feature { get; }

    Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken);
}
