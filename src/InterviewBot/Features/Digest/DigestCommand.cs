using System.Globalization;
using InterviewBot.Core.Digest;
using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Digest;

/// <summary>
/// <c>/digest setup channel day time timezone</c> and <c>/digest off</c> (Manage Server): the weekly digest, off by default.
/// </summary>
public sealed class DigestCommand(IGuildSettingsStore settings, DigestScheduler scheduler) : ICommandHandler
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "digest",
        Description = "The weekly digest of questions, best answers and top reviewers.",
        Contexts = [InteractionContextType.Guild],
        DefaultMemberPermissions = Permissions.ManageGuild,
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "setup",
                Description = "Post the digest every week in a channel at a local day and time.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "channel", Description = "Where to post it.", Required = true, ChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.String,
                        Name = "day",
                        Description = "Day of the week.",
                        Required = true,
                        Choices = [.. Days.Select(d => ApplicationCommandOptionChoice.FromString(d, d[..3]))],
                    },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "time", Description = "Local time, 24-hour HH:mm (e.g. 18:00).", Required = true, MaxLength = 5 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "timezone", Description = "IANA time zone, e.g. Europe/Berlin.", Required = true, Autocomplete = true, MaxLength = 64 },
                ],
            },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "off", Description = "Stop the weekly digest." },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MemberHas(Permissions.ManageGuild))
        {
            await context.ReplyAsync("Only members with **Manage Server** can configure the digest.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (context.Data.GetCommandPath().Path == "digest off")
        {
            await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
            await settings.UpdateAsync(context.GuildId, s => s with { DigestEnabled = false }, cancellationToken).ConfigureAwait(false);
            await scheduler.CancelAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
            await context.ReplyAsync("The weekly digest is off.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var parsed = DigestSchedule.Parse(context.StringOption("day"), context.StringOption("time"), context.StringOption("timezone"));
        if (!parsed.Success)
        {
            await context.ReplyAsync(parsed.Error!, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (context.Data.GetOption("channel")?.GetSnowflake() is not { } channel)
        {
            await context.ReplyAsync("Pick the channel the digest goes to.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var schedule = parsed.Value!;
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        await settings.UpdateAsync(
            context.GuildId,
            s => s with
            {
                DigestEnabled = true,
                DigestChannelId = channel.Value,
                DigestWeekday = schedule.Day,
                DigestLocalTime = schedule.LocalTime,
                DigestTimeZone = schedule.Zone.Id,
            },
            cancellationToken).ConfigureAwait(false);
        var next = await scheduler.ScheduleAsync(context.GuildId, schedule, null, cancellationToken).ConfigureAwait(false);
        var at = schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        await context.ReplyAsync(
            $"The weekly digest goes to <#{channel.Value.ToString(CultureInfo.InvariantCulture)}> every {schedule.Day} at {at} ({schedule.Zone.Id}). Next: <t:{next.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:F>.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<ApplicationCommandOptionChoice> choices = [.. IanaTimeZones.Search(context.Data.GetFocusedOption()?.GetString()).Select(z => ApplicationCommandOptionChoice.FromString(z, z))];
        return Task.FromResult(choices);
    }
}
