using System.Globalization;
using System.Net;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Storage;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Features.Reminders;

/// <summary>
/// Sends opt-in practice reminders: one DM a day at the member's hour when questions are due. The day is claimed in
/// the ledger before the DM is sent, so a crash or a second instance never sends two; a DM refused with 403 (DMs
/// closed, bot blocked) marks the member undeliverable and is never retried until they switch reminders on again.
/// </summary>
public sealed partial class ReminderService(
    IMemberSettingsStore settings,
    IReminderDeliveryStore deliveries,
    ISpacedRepetitionStore repetition,
    IDiscordRestClient rest,
    ILogger<ReminderService> logger)
{
    private const int DueLimit = 100;

    /// <summary>One pass over every member with reminders on; returns how many DMs were sent.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var enabled = await settings.ListWithRemindersAsync(cancellationToken).ConfigureAwait(false);

        // Reminders are per member: a member with reminders on in several servers still gets one DM a day.
        foreach (var member in enabled.GroupBy(s => s.UserId))
        {
            try
            {
                if (await RemindAsync(member.Key, [.. member], now, cancellationToken).ConfigureAwait(false))
                {
                    sent++;
                }
            }
            catch (Exception e) when (e is DiscordApiException or HttpRequestException)
            {
                // Claimed already: the day is spent rather than retried into a loop.
                LogFailed(logger, e, member.Key);
            }
        }

        return sent;
    }

    private async Task<bool> RemindAsync(ulong userId, IReadOnlyList<MemberSettings> guilds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.GetAsync(userId, cancellationToken).ConfigureAwait(false);
        var due = new List<(MemberSettings Settings, int Count)>();
        DateOnly? date = null;
        foreach (var guild in guilds.Where(g => ReminderRule.ShouldSend(g, delivery, now)))
        {
            date ??= ReminderRule.ReminderDate(guild, now);
            var count = (await repetition.ListDueAsync(guild.GuildId, userId, now, DueLimit, cancellationToken).ConfigureAwait(false)).Count;
            if (count > 0)
            {
                due.Add((guild, count));
            }
        }

        if (due.Count == 0 || date is not { } localDate || !await deliveries.TryClaimDayAsync(userId, localDate, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var total = due.Sum(d => d.Count);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"📚 You have **{(total >= DueLimit ? $"{DueLimit}+" : total.ToString(CultureInfo.InvariantCulture))}** interview question{(total == 1 ? string.Empty : "s")} due for review. Run `/practice next` in your server to keep your streak of recall going.\n-# You get at most one reminder a day. Turn them off with `/settings reminders:off`.");
        try
        {
            var dm = await rest.CreateDmAsync(new Snowflake(userId), cancellationToken).ConfigureAwait(false);
            await rest.CreateMessageAsync(dm.Id, new MessageCreate { Content = text }, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            await deliveries.MarkUndeliverableAsync(userId, now, cancellationToken).ConfigureAwait(false);
            LogUndeliverable(logger, userId, e.Code ?? 0);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Practice reminders to member {UserId} stopped: Discord refused the DM (code {Code})")]
    private static partial void LogUndeliverable(ILogger logger, ulong userId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Practice reminder to member {UserId} failed; not retried today")]
    private static partial void LogFailed(ILogger logger, Exception exception, ulong userId);
}
