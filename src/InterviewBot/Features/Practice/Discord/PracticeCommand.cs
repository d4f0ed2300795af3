using System.Globalization;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>
/// <c>/practice next [category]</c>: the member's most overdue question first, new questions when nothing is due, as an
/// ephemeral prompt with <b>Answer</b>; <c>/practice due</c>: how many are due today (in the member's reminder zone,
/// UTC otherwise). Discord cannot run a command that also has sub-commands, hence <c>next</c>.
/// </summary>
public sealed class PracticeCommand(
    PracticeCommandSession practice,
    QuestionCatalog catalog,
    IMemberSettingsStore memberSettings,
    TimeProvider time) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "practice",
        Description = "Spaced-repetition practice: the questions you are due to review, then new ones.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "next",
                Description = "Your next practice question (most overdue first), answered privately.",
                Options =
                [
                    QuestionFilterOptions.Category(catalog.Bank),
                ],
            },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "due", Description = "How many of your questions are due today." },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Data.GetCommandPath().Path == "practice due")
        {
            await DueAsync(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        await ShowNextAsync(context, practice, context.StringOption("category"), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replies with the next question, or says when the next review is due.</summary>
    public static async Task ShowNextAsync(InteractionContext context, PracticeCommandSession practice, string? category, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(practice);
        var (next, nextDue) = await practice.NextAsync(context.GuildId, context.UserId, category, now, cancellationToken).ConfigureAwait(false);
        if (next is null)
        {
            var when = nextDue is { } due ? $" Your next review is due <t:{due.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>." : string.Empty;
            await context.ReplyAsync($"Nothing to practise right now: nothing is due and you have answered every question{(category is null ? string.Empty : $" in {category}")}.{when}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(PracticeCommandMessages.Question(next, now), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reviews due at <paramref name="now"/>, and due before the end of the member's local day in <paramref name="zone"/>.</summary>
    public static (int DueNow, int DueToday) CountDue(IEnumerable<RepetitionState> states, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var endOfDay = new DateTimeOffset(local.Date.AddDays(1), zone.GetUtcOffset(local.Date.AddDays(1)));
        var list = states.ToList();
        return (list.Count(s => s.DueAt <= now), list.Count(s => s.DueAt < endOfDay));
    }

    private async Task DueAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zoneId = (await memberSettings.GetAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false)).TimeZone ?? "Etc/UTC";
        var parsed = IanaTimeZones.Parse(zoneId);
        var zone = parsed.Success ? parsed.Value! : TimeZoneInfo.Utc;
        var eligible = (await practice.EligibleAsync(context.GuildId, cancellationToken).ConfigureAwait(false)).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var states = (await practice.StatesAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false)).Where(s => eligible.Contains(s.Key)).Select(s => s.Value).ToList();
        var (dueNow, dueToday) = CountDue(states, now, zone);
        var text = dueToday == 0
            ? "Nothing is due today. `/practice next` serves a new question."
            : string.Create(CultureInfo.InvariantCulture, $"**{dueToday}** question{(dueToday == 1 ? " is" : "s are")} due today ({dueNow} right now). `/practice next` serves the most overdue first.");
        await context.ReplyAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
