using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Reminders;
using InterviewBot.Storage;

namespace InterviewBot.Features.Review;

/// <summary>
/// <c>/settings notifications:on|off</c>: whether the bot may mention the member when their answer is reviewed;
/// <c>reminders:on|off hour: timezone:</c>: practice reminders (see <see cref="ReminderSettings"/>).
/// </summary>
public sealed class SettingsCommand(IMemberSettingsStore settings, ReminderSettings reminders) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "settings",
        Description = "Your own settings in this server.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = "notifications",
                Description = "Mention you when someone reviews your answer.",
                Required = false,
                Choices =
                [
                    ApplicationCommandOptionChoice.FromString("on", "on"),
                    ApplicationCommandOptionChoice.FromString("off", "off"),
                ],
            },
            .. ReminderSettings.Options,
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var choice = context.StringOption("notifications");
        var current = choice switch
        {
            "on" or "off" => await settings.UpdateAsync(context.GuildId, context.UserId, s => s with { Notifications = choice == "on" }, cancellationToken).ConfigureAwait(false),
            _ => await settings.GetAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false),
        };
        var state = current.Notifications
            ? "on: you are mentioned when someone reviews your answer"
            : "off: reviews of your answers are posted without mentioning you";
        var reminderText = ReminderSettings.Requested(context)
            ? await reminders.ApplyAsync(context, cancellationToken).ConfigureAwait(false)
            : ReminderSettings.Describe(current);
        await context.ReplyAsync($"Review notifications are {state}.\n{reminderText}", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ReminderSettings.ZoneChoices(context.Data.GetFocusedOption()?.GetString()));
    }
}
