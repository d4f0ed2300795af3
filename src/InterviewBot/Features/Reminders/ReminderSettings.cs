using System.Globalization;
using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Reminders;

/// <summary>
/// The reminder part of <c>/settings</c>: <c>reminders:on|off</c>, <c>hour:0-23</c> and <c>timezone:</c> (IANA, with
/// autocomplete). Switching on again clears an earlier "DMs refused" mark so the bot tries once more.
/// </summary>
public sealed class ReminderSettings(IMemberSettingsStore settings, IReminderDeliveryStore deliveries, TimeProvider time)
{
    public const string RemindersOption = "reminders";
    public const string HourOption = "hour";
    public const string TimeZoneOption = "timezone";

    public static IReadOnlyList<ApplicationCommandOption> Options { get; } =
    [
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = RemindersOption,
            Description = "A DM (at most one a day) when practice questions are due.",
            Choices = [ApplicationCommandOptionChoice.FromString("on", "on"), ApplicationCommandOptionChoice.FromString("off", "off")],
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Integer,
            Name = HourOption,
            Description = "Hour of the reminder in your time zone (0-23, default 9).",
            MinValue = 0,
            MaxValue = 23,
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = TimeZoneOption,
            Description = "Your time zone, e.g. Europe/Berlin (start typing).",
            Autocomplete = true,
            MaxLength = 64,
        },
    ];

    public static bool Requested(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.StringOption(RemindersOption) is not null || context.IntegerOption(HourOption) is not null || context.StringOption(TimeZoneOption) is not null;
    }

    public static IReadOnlyList<ApplicationCommandOptionChoice> ZoneChoices(string? typed) =>
        [.. IanaTimeZones.Search(typed).Select(z => ApplicationCommandOptionChoice.FromString(z, z))];

    /// <summary>Applies the options given and describes the result; an invalid zone changes nothing.</summary>
    public async Task<string> ApplyAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var switchTo = context.StringOption(RemindersOption);
        var hour = context.IntegerOption(HourOption);
        var zoneText = context.StringOption(TimeZoneOption);
        string? zoneId = null;
        if (zoneText is not null)
        {
            var zone = IanaTimeZones.Parse(zoneText);
            if (!zone.Success)
            {
                return zone.Error!;
            }

            zoneId = zone.Value!.Id;
        }

        var updated = await settings.UpdateAsync(
            context.GuildId,
            context.UserId,
            s => s with
            {
                RemindersEnabled = switchTo is null ? s.RemindersEnabled : switchTo == "on",
                ReminderHour = hour is { } h ? (int)Math.Clamp(h, 0, 23) : s.ReminderHour,
                TimeZone = zoneId ?? s.TimeZone,
            },
            cancellationToken).ConfigureAwait(false);
        if (switchTo == "on")
        {
            await deliveries.ClearUndeliverableAsync(context.UserId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return Describe(updated);
    }

    public static string Describe(MemberSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var at = string.Create(CultureInfo.InvariantCulture, $"{settings.ReminderHour ?? ReminderRule.DefaultHour:00}:00 {settings.TimeZone ?? "UTC"}");
        return settings.RemindersEnabled
            ? $"Practice reminders are on: one DM at about {at} on days when questions are due. Keep DMs from server members open so it can reach you."
            : $"Practice reminders are off (hour {at} is kept for when you turn them on).";
    }
}
