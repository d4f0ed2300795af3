using InterviewBot.Storage;

namespace InterviewBot.Features.Reminders;

/// <summary>
/// When a member's practice reminder is due: during their chosen local hour, in their own IANA zone (so daylight-saving
/// shifts follow the member, not UTC), at most once per local date. The check runs several times an hour; the
/// per-member ledger makes the second and later matches of the same day do nothing.
/// </summary>
public static class ReminderRule
{
    public const int DefaultHour = 9;

    /// <summary>The member's local date if <paramref name="now"/> falls in their reminder hour; otherwise null.</summary>
    public static DateOnly? ReminderDate(MemberSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.RemindersEnabled)
        {
            return null;
        }

        var zone = Zone(settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return local.Hour == (settings.ReminderHour ?? DefaultHour) ? DateOnly.FromDateTime(local.DateTime) : null;
    }

    /// <summary>True when a reminder should go out now: the hour matches, nothing was sent that local date, DMs work.</summary>
    public static bool ShouldSend(MemberSettings settings, ReminderDelivery? delivery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (delivery?.UndeliverableAt is not null || ReminderDate(settings, now) is not { } date)
        {
            return false;
        }

        return delivery?.LastSentDate is not { } last || last < date;
    }

    public static TimeZoneInfo Zone(string? id)
    {
        var parsed = Core.Scheduling.IanaTimeZones.Parse(id ?? "UTC");
        return parsed.Success ? parsed.Value! : TimeZoneInfo.Utc;
    }
}
