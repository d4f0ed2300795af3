using System.Globalization;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;

namespace InterviewBot.Features.Stats;

/// <summary>
/// <c>/admin streak restore member [date]</c> (Manage Guild): counts days a member could not answer because of an
/// outage as answered. Without a date it restores the latest run of missed scheduled days.
/// </summary>
public sealed class AdminStreakCommand(StreakService streaks, TimeProvider time) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "admin",
        Description = "Server administration.",
        Contexts = [InteractionContextType.Guild],
        DefaultMemberPermissions = Permissions.ManageGuild,
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommandGroup,
                Name = "streak",
                Description = "Members' daily-question streaks.",
                Options =
                [
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.SubCommand,
                        Name = "restore",
                        Description = "Restore a streak broken by an outage (the latest missed days, or one date).",
                        Options =
                        [
                            new ApplicationCommandOption { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Whose streak.", Required = true },
                            new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "date", Description = "One day to restore, yyyy-MM-dd in the schedule's zone.", Required = false, MaxLength = 10 },
                        ],
                    },
                ],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MemberHas(Permissions.ManageGuild))
        {
            await context.ReplyAsync("Only members with **Manage Server** can restore streaks.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (context.Data.GetCommandPath().Path != "admin streak restore" || context.Data.GetOption("member")?.GetSnowflake() is not { } member)
        {
            await context.ReplyAsync("Use `/admin streak restore member:@someone`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        DateOnly? date = null;
        if (context.StringOption("date") is { Length: > 0 } typed)
        {
            if (!DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await context.ReplyAsync($"'{DiscordText.Truncate(typed, 20)}' is not a date: use yyyy-MM-dd, e.g. 2026-03-08.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            date = parsed;
        }

        var (restored, streak, problem) = await streaks.RestoreAsync(context.GuildId, member.Value, date, context.UserId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var who = $"<@{member.Value.ToString(CultureInfo.InvariantCulture)}>";
        if (problem is not null)
        {
            await context.ReplyAsync(problem, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var days = string.Join(", ", restored.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"Restored {days} for {who}. Streak now {streak.Current} (best {streak.Best})."),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
