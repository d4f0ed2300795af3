using System.Globalization;
using System.Text;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scheduling;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Daily;

/// <summary>
/// <c>/daily setup|status|pause|resume|skip|now|remove</c>: a server's named question schedules. Manage Guild is
/// required twice: as the command's default member permission, and re-checked here from the interaction's member
/// permissions, since server admins can override the default.
/// </summary>
public sealed class DailyCommand(
    IDailyScheduleStore schedules,
    IDailyPostStore ledger,
    DailyScheduler scheduler,
    DailyPoster poster,
    ChannelPermissionCheck permissionCheck,
    QuestionCatalog catalog,
    TimeProvider time) : ICommandHandler
{
    public const string DefaultName = "daily";
    public const int MaxNameLength = 40;
    public const string Refusal = "Only members with the **Manage Server** permission can change or view the daily schedules.";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "daily",
        Description = "Scheduled interview questions for this server.",
        Contexts = [InteractionContextType.Guild],
        DefaultMemberPermissions = Permissions.ManageGuild,
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "setup",
                Description = "Create or change a schedule: where, when (your time zone) and what to post.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "channel", Description = "Channel to post in", Required = true, ChannelTypes = [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "time", Description = "Local time, 24-hour HH:mm (e.g. 09:00)", Required = true, MaxLength = 5 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "timezone", Description = "IANA time zone, e.g. Europe/Berlin, or UTC", Required = true, Autocomplete = true, MaxLength = 64 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "name", Description = $"Schedule name (default '{DefaultName}'); a server can have several", MaxLength = MaxNameLength },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "categories", Description = "Comma-separated categories (default: all)", MaxLength = 200 },
                    QuestionFilterOptions.Difficulty("Only this difficulty (default: any)"),
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "weekdays", Description = "Days to post, e.g. mon-fri, mon,wed,fri or daily (default daily)", MaxLength = 60 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "reveal_after", Description = "Reveal the answer after, e.g. 24h or 8h (default: server setting)", MaxLength = 20 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Role, Name = "ping_role", Description = "Role to ping with each question (the only mention the bot makes)" },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "grace", Description = "Post a missed question this late after downtime, e.g. 6h (default 6h)", MaxLength = 20 },
                ],
            },
            SubCommand("status", "Each schedule with its next five posts in your local time.", nameRequired: null),
            SubCommand("pause", "Stop posting until resumed.", nameRequired: false),
            SubCommand("resume", "Start posting again.", nameRequired: false),
            SubCommand("skip", "Skip the next scheduled post.", nameRequired: false),
            SubCommand("now", "Post today's question now (the scheduled one then does not post).", nameRequired: false),
            SubCommand("remove", "Delete a schedule.", nameRequired: true),
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MemberHas(Permissions.ManageGuild))
        {
            await context.ReplyAsync(Refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // Acknowledge at once: the first time-zone lookup loads the system's zone database, and the pre-flight check
        // makes REST calls; all replies below are ephemeral edits of this deferral.
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var (path, _) = context.Data.GetCommandPath();
        switch (path)
        {
            case "daily setup":
                await SetupAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "daily status":
                await StatusAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "daily pause":
            case "daily resume":
                await PauseAsync(context, paused: path == "daily pause", cancellationToken).ConfigureAwait(false);
                break;
            case "daily skip":
                await SkipAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "daily now":
                await NowAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "daily remove":
                await RemoveAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("Use one of `/daily setup`, `status`, `pause`, `resume`, `skip`, `now` or `remove`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public async Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var focused = context.Data.GetFocusedOption();
        var typed = focused?.GetString() ?? string.Empty;
        switch (focused?.Name)
        {
            case "timezone":
                return [.. IanaTimeZones.Search(typed).Select(z => ApplicationCommandOptionChoice.FromString(z, z))];
            case "name":
                var names = await schedules.ListForGuildAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
                return [.. names.Select(s => s.Name).Where(n => n.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Take(25).Select(n => ApplicationCommandOptionChoice.FromString(n, n))];
            default:
                return [];
        }
    }

    private static ApplicationCommandOption SubCommand(string name, string description, bool? nameRequired) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = nameRequired is null
            ? null
            : [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "name", Description = "Schedule name (needed when the server has several)", Required = nameRequired, Autocomplete = true, MaxLength = MaxNameLength }],
    };

    private async Task SetupAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var channelId = context.Data.GetOption("channel")?.GetSnowflake()?.Value;
        if (channelId is null)
        {
            problems.Add("Pick a text channel for `channel`.");
        }

        var localTime = LocalTimeParser.Parse(context.StringOption("time"));
        AddProblem(problems, "time", localTime.Error);
        var zone = IanaTimeZones.Parse(context.StringOption("timezone"));
        AddProblem(problems, "timezone", zone.Error);
        var weekdays = WeekdaySet.Parse(context.StringOption("weekdays"));
        AddProblem(problems, "weekdays", weekdays.Error);
        var name = (context.StringOption("name") ?? DefaultName).Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            problems.Add($"`name`: use 1 to {MaxNameLength} characters.");
        }

        TimeSpan? revealAfter = null;
        if (context.StringOption("reveal_after") is { } revealText)
        {
            var parsed = DelayParser.Parse(revealText);
            AddProblem(problems, "reveal_after", parsed.Error);
            revealAfter = parsed.Success ? parsed.Value : null;
        }

        var grace = CatchUpPolicy.DefaultGrace;
        if (context.StringOption("grace") is { } graceText)
        {
            var parsed = DelayParser.Parse(graceText);
            AddProblem(problems, "grace", parsed.Error);
            grace = parsed.Success ? parsed.Value : grace;
        }

        var categories = ParseCategories(context.StringOption("categories"), problems);
        var difficulty = context.StringOption("difficulty");
        if (difficulty is not null && !DifficultyNames.TryParse(difficulty, out _))
        {
            problems.Add("`difficulty`: use easy, medium or hard.");
        }

        if (problems.Count > 0)
        {
            await context.ReplyAsync("Nothing was saved:\n" + string.Join('\n', problems.Select(p => "• " + p)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var missing = await permissionCheck.MissingAsync(context.GuildId, channelId!.Value, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            await context.ReplyAsync(
                $"I can't post in <#{channelId}>: I'm missing {string.Join(", ", missing.Select(m => $"**{m}**"))} there. Give my role those permissions in that channel, then run `/daily setup` again. Nothing was saved.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var existing = await schedules.FindByNameAsync(context.GuildId, name, cancellationToken).ConfigureAwait(false);
        var schedule = (existing ?? new DailySchedule { GuildId = context.GuildId, Name = name, ChannelId = channelId.Value, LocalTime = default, TimeZone = "UTC" }) with
        {
            ChannelId = channelId.Value,
            LocalTime = localTime.Value,
            TimeZone = zone.Value == TimeZoneInfo.Utc ? "UTC" : zone.Value!.Id,
            Weekdays = weekdays.Value,
            Categories = categories,
            Difficulty = difficulty,
            RevealAfterMinutes = revealAfter is { } r ? (int)r.TotalMinutes : null,
            PingRoleId = context.Data.GetOption("ping_role")?.GetSnowflake()?.Value,
            GraceMinutes = (int)grace.TotalMinutes,
        };

        DailySchedule? saved;
        if (existing is null)
        {
            saved = await schedules.TryCreateAsync(schedule, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            saved = await schedules.UpdateAsync(schedule, cancellationToken).ConfigureAwait(false) ? schedule : null;
        }

        if (saved is null)
        {
            await context.ReplyAsync($"Another schedule named **{name}** was just saved; run `/daily status` and try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await scheduler.ScheduleAsync(saved, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var verb = existing is null ? "Created" : "Updated";
        await context.ReplyAsync($"{verb} schedule **{saved.Name}**.\n{Describe(saved)}\n{NextFires(saved, 3)}", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task StatusAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var all = await schedules.ListForGuildAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            await context.ReplyAsync("This server has no daily schedule yet. Create one with `/daily setup channel time timezone`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder();
        foreach (var schedule in all)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{schedule.Name}**: {Describe(schedule)}\n");
            text.Append(NextFires(schedule, 5)).Append('\n');
            foreach (var skip in await RecentSkipsAsync(schedule, cancellationToken).ConfigureAwait(false))
            {
                text.Append(CultureInfo.InvariantCulture, $"⚠️ Skipped {skip.LocalDate:yyyy-MM-dd}: {skip.SkippedReason}\n");
            }

            text.Append('\n');
        }

        await context.ReplyAsync(text.ToString().TrimEnd(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task PauseAsync(InteractionContext context, bool paused, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(context, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        await schedules.SetPausedAsync(schedule.ScheduleId, paused, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync(
            paused ? $"Paused **{schedule.Name}**. Nothing is posted until `/daily resume`." : $"Resumed **{schedule.Name}**.\n{NextFires(schedule with { Paused = false }, 1)}",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task SkipAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(context, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        await schedules.SetSkipNextAsync(schedule.ScheduleId, true, cancellationToken).ConfigureAwait(false);
        var next = DailySchedules.Rule(schedule).OccurrencesAfter(time.GetUtcNow()).FirstOrDefault();
        await context.ReplyAsync($"The next post of **{schedule.Name}** ({Stamp(next)}) will be skipped.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task NowAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(context, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        var result = await poster.FireAsync(schedule.ScheduleId, time.GetUtcNow(), DailyFireKind.Now, cancellationToken).ConfigureAwait(false);
        var link = result.Post?.MessageId is { } message ? $"https://discord.com/channels/{schedule.GuildId}/{result.Post.ChannelId}/{message}" : null;
        var reply = result.Outcome switch
        {
            DailyPostOutcome.Posted => $"Posted today's question for **{schedule.Name}**: {link}\nIt counts as today's post, so the scheduled one will not post again today.",
            DailyPostOutcome.AlreadyPosted => $"Today's question for **{schedule.Name}** was already posted: {link}",
            DailyPostOutcome.Skipped => $"Nothing posted: today is marked as skipped for **{schedule.Name}** ({result.Reason}).",
            _ => "That schedule was just removed.",
        };
        await context.ReplyAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task RemoveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(context, cancellationToken).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        await schedules.DeleteAsync(schedule.ScheduleId, cancellationToken).ConfigureAwait(false);
        await scheduler.RemoveAsync(schedule.ScheduleId, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync($"Removed schedule **{schedule.Name}**. Questions already posted stay.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schedule named in the command, or the server's only schedule when no name was given; replies otherwise.</summary>
    private async Task<DailySchedule?> ResolveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var name = context.StringOption("name")?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            var found = await schedules.FindByNameAsync(context.GuildId, name, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                await context.ReplyAsync($"There is no schedule named **{DiscordText.Truncate(name, MaxNameLength)}**. `/daily status` lists them.", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return found;
        }

        var all = await schedules.ListForGuildAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
        switch (all.Count)
        {
            case 1:
                return all[0];
            case 0:
                await context.ReplyAsync("This server has no daily schedule yet. Create one with `/daily setup`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return null;
            default:
                await context.ReplyAsync($"This server has several schedules ({string.Join(", ", all.Select(s => $"**{s.Name}**"))}): add `name`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return null;
        }
    }

    private async Task<IReadOnlyList<DailyPost>> RecentSkipsAsync(DailySchedule schedule, CancellationToken cancellationToken)
    {
        var today = DailySchedules.Rule(schedule).LocalDateOf(time.GetUtcNow());
        var skips = new List<DailyPost>();
        for (var i = 0; i < 7; i++)
        {
            if (await ledger.GetAsync(schedule.ScheduleId, today.AddDays(-i), cancellationToken).ConfigureAwait(false) is { IsSkipped: true } post)
            {
                skips.Add(post);
            }
        }

        return skips;
    }

    private List<string> ParseCategories(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var known = catalog.Bank.Categories;
        var result = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = known.FirstOrDefault(c => c.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                problems.Add($"`categories`: '{DiscordText.Truncate(part, 40)}' is not a category; use a comma-separated list of: {string.Join(", ", known)}.");
            }
            else if (!result.Contains(match))
            {
                result.Add(match);
            }
        }

        return result;
    }

    private static void AddProblem(List<string> problems, string option, string? error)
    {
        if (error is not null)
        {
            problems.Add($"`{option}`: {error}");
        }
    }

    private static string Describe(DailySchedule schedule)
    {
        var parts = new List<string>
        {
            $"<#{schedule.ChannelId}> at {schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {schedule.TimeZone} ({DailySchedules.Zone(schedule.TimeZone).StandardName}), {schedule.Weekdays}",
            schedule.Categories.Count == 0 ? "all categories" : string.Join(", ", schedule.Categories),
        };
        if (schedule.Difficulty is { } difficulty)
        {
            parts.Add(difficulty);
        }

        if (schedule.RevealAfterMinutes is { } reveal)
        {
            parts.Add($"reveal after {DelayParser.Format(TimeSpan.FromMinutes(reveal))}");
        }

        if (schedule.PingRoleId is { } role)
        {
            parts.Add($"pings <@&{role}>");
        }

        parts.Add($"catch-up grace {DelayParser.Format(TimeSpan.FromMinutes(schedule.GraceMinutes))}");
        if (schedule.Paused)
        {
            parts.Add("⏸️ **paused**");
        }

        if (schedule.SkipNext)
        {
            parts.Add("⏭️ next post skipped");
        }

        return string.Join(" · ", parts);
    }

    private string NextFires(DailySchedule schedule, int count)
    {
        var fires = DailySchedules.Rule(schedule).OccurrencesAfter(time.GetUtcNow()).Take(count).ToList();
        if (fires.Count == 0)
        {
            return "No upcoming posts.";
        }

        var label = schedule.Paused ? "Next times (paused, nothing will post)" : "Next posts";
        return $"{label}: {string.Join(", ", fires.Select(Stamp))}";
    }

    private static string Stamp(DateTimeOffset instant) => $"<t:{instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:F>";
}
