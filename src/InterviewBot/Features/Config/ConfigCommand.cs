using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Config;

/// <summary>
/// <c>/config</c>: server settings, one subcommand per setting (Manage Guild, on the definition and re-checked here).
/// Today: <c>log_channel</c> (where admin notes such as "running low on questions" go), <c>review_channel</c> (where
/// <c>/question suggest</c> posts for staff review), <c>blind_mode</c>, <c>reveal_after</c> and <c>show</c>.
/// </summary>
public sealed class ConfigCommand(IGuildSettingsStore settings) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "config",
        Description = "Server settings for InterviewBot.",
        Contexts = [InteractionContextType.Guild],
        DefaultMemberPermissions = Permissions.ManageGuild,
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "log_channel",
                Description = "Where admin notes go (e.g. a schedule running low on questions). Leave empty to turn off.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "channel", Description = "Channel for admin notes", ChannelTypes = [ChannelType.GuildText] },
                ],
            },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "review_channel",
                Description = "Where member question suggestions go for staff review (/question suggest).",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "channel", Description = "A text channel only staff can read", Required = true, ChannelTypes = [ChannelType.GuildText] },
                ],
            },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "blind_mode",
                Description = "Answers only through the private form, shown to everyone at the reveal.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = "enabled", Description = "On or off", Required = true },
                ],
            },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "reveal_after",
                Description = "How long after /ask a question is revealed (daily schedules have their own).",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "delay", Description = "e.g. 24h, 8h, 90m (5m to 7d)", Required = true, MaxLength = 10 },
                ],
            },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "show", Description = "Show this server's settings." },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MemberHas(Permissions.ManageGuild))
        {
            await context.ReplyAsync("Only members with the **Manage Server** permission can change the server's settings.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (context.Data.GetCommandPath().Path)
        {
            case "config log_channel":
                var channel = context.Data.GetOption("channel")?.GetSnowflake()?.Value;
                await settings.UpdateAsync(context.GuildId, s => s with { LogChannelId = channel }, cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync(channel is { } id ? $"Admin notes now go to <#{id}>." : "Admin notes are turned off.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "config review_channel":
                var review = context.Data.GetOption("channel")?.GetSnowflake()?.Value;
                if (review is null)
                {
                    await context.ReplyAsync("Choose a text channel for suggestions.", cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                }

                await settings.UpdateAsync(context.GuildId, s => s with { ReviewChannelId = review }, cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync($"Suggestions now go to <#{review}> for review. Make sure I can post there and that only staff can read it.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "config blind_mode":
                var blind = context.Data.GetOption("enabled")?.GetBoolean() ?? false;
                await settings.UpdateAsync(context.GuildId, s => s with { BlindMode = blind }, cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync(
                    blind ? "Blind mode is on: new questions' threads are locked and members answer with **Answer privately**; all answers are shown at the reveal." : "Blind mode is off: members answer in each question's thread.",
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case "config reveal_after":
                var parsed = DelayParser.Parse(context.Data.GetOption("delay")?.GetString());
                if (!parsed.Success)
                {
                    await context.ReplyAsync(parsed.Error!, cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                }

                var minutes = (int)parsed.Value.TotalMinutes;
                await settings.UpdateAsync(context.GuildId, s => s with { RevealDelayMinutes = minutes }, cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync($"Questions asked with `/ask` are now revealed {DelayParser.Format(parsed.Value)} after posting.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                var current = await settings.GetAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
                await context.ReplyAsync(
                    $"Log channel: {(current.LogChannelId is { } log ? $"<#{log}>" : "none")}\nReview channel: {(current.ReviewChannelId is { } rc ? $"<#{rc}>" : "none")}\nReveal after: {current.RevealDelayMinutes / 60.0:0.#} h\nBlind mode: {(current.BlindMode ? "on" : "off")}",
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
