using System.Globalization;
using System.Text;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Interview;

/// <summary><c>/interview start [track] [questions] [minutes] [feedback]</c>, <c>/interview stop</c>, <c>/interview history</c>.</summary>
public sealed class InterviewCommand(
    InterviewService interviews,
    IInterviewSessionStore sessions,
    IInterviewProgressStore progress,
    QuestionCatalog catalog) : ICommandHandler
{
    private const int HistoryLimit = 10;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "interview",
        Description = "A private mock interview: one question at a time, against the clock.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "start",
                Description = "Start a mock interview in a private thread.",
                Options =
                [
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.String,
                        Name = "track",
                        Description = "backend (mixed), databases, apis, system-design, behavioral, or a category",
                        Autocomplete = true,
                        MaxLength = 40,
                    },
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.Integer,
                        Name = "questions",
                        Description = "How many questions (3-10, default 5)",
                        MinValue = InterviewService.MinQuestions,
                        MaxValue = InterviewService.MaxQuestions,
                    },
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.Integer,
                        Name = "minutes",
                        Description = "Minutes per question (default 5)",
                        MinValue = 1,
                        MaxValue = InterviewService.MaxMinutes,
                    },
                    new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.String,
                        Name = "feedback",
                        Description = "Feedback after each answer (default) or all at the end",
                        Choices = [ApplicationCommandOptionChoice.FromString("after each answer", "each"), ApplicationCommandOptionChoice.FromString("at the end", "end")],
                    },
                ],
            },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "stop", Description = "Stop your running interview and see its summary." },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "history", Description = "Your past interviews in this server." },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Data.GetCommandPath().Path)
        {
            case "interview start":
                await StartAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "interview stop":
                await StopAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "interview history":
                await HistoryAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("Use `/interview start`, `/interview stop` or `/interview history`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typed = (context.Data.GetFocusedOption()?.GetString() ?? string.Empty).Trim().ToLowerInvariant();
        IReadOnlyList<ApplicationCommandOptionChoice> choices = [.. InterviewTracks.All(catalog.Bank)
            .Where(t => t.Contains(typed, StringComparison.Ordinal))
            .Take(25)
            .Select(t => ApplicationCommandOptionChoice.FromString(t, t))];
        return Task.FromResult(choices);
    }

    private async Task StartAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.Interaction.Channel?.Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread)
        {
            await context.ReplyAsync("An interview gets its own thread, so run `/interview start` in a text channel rather than inside a thread.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var track = (context.StringOption("track") ?? InterviewTracks.Backend).Trim().ToLowerInvariant();
        var count = (int)Math.Clamp(context.IntegerOption("questions") ?? InterviewService.DefaultQuestions, InterviewService.MinQuestions, InterviewService.MaxQuestions);
        var minutes = (int)Math.Clamp(context.IntegerOption("minutes") ?? InterviewService.DefaultMinutes, 1, InterviewService.MaxMinutes);
        var feedbackAtEnd = context.StringOption("feedback") == "end";

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var result = await interviews.StartAsync(
            new InterviewStartRequest(context.GuildId, context.ChannelId, context.UserId, context.User.DisplayName, track, count, minutes, feedbackAtEnd),
            cancellationToken).ConfigureAwait(false);
        if (result.AlreadyActive is { } active)
        {
            await context.ReplyAsync($"You already have an interview running in <#{active.ChannelId.ToString(CultureInfo.InvariantCulture)}>. Finish it there, or end it with `/interview stop`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.Session is not { } session)
        {
            await context.ReplyAsync(result.Problem ?? "The interview could not start.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var note = result.PublicThread ? " This server does not allow private threads, so it is a public thread." : string.Empty;
        await context.ReplyAsync($"Your interview is ready in <#{session.ChannelId.ToString(CultureInfo.InvariantCulture)}>.{note} Good luck!", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task StopAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var active = await sessions.FindActiveAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false);
        if (active is null)
        {
            await context.ReplyAsync("You have no interview running. Start one with `/interview start`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var stopped = await interviews.StopAsync(active, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync(
            stopped ? $"Stopped. Your summary is in <#{active.ChannelId.ToString(CultureInfo.InvariantCulture)}>." : "That interview had already ended.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task HistoryAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var past = await progress.ListSessionsAsync(context.GuildId, context.UserId, HistoryLimit, cancellationToken).ConfigureAwait(false);
        if (past.Count == 0)
        {
            await context.ReplyAsync("You have not done an interview here yet. Start one with `/interview start`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = new StringBuilder();
        foreach (var session in past)
        {
            var options = await progress.GetOptionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
            var asked = await progress.ListQuestionsAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
            var scored = asked.Where(q => q.IsScored && q.KeyPointCount > 0).ToList();
            var score = scored.Count == 0
                ? "no score"
                : string.Create(CultureInfo.InvariantCulture, $"{scored.Sum(q => q.CoveredCount!.Value) * 100 / scored.Sum(q => q.KeyPointCount!.Value)} %");
            var status = session.Status switch
            {
                InterviewSessionStatus.Active => "running",
                InterviewSessionStatus.Finished => "finished",
                _ => "stopped",
            };
            lines.Append(string.Create(
                CultureInfo.InvariantCulture,
                $"• <t:{session.StartedAt.ToUnixTimeSeconds()}:d> · **{options?.Track ?? InterviewTracks.Backend}** · {scored.Count}/{session.QuestionIds.Count} answered · {score} · {status} · <#{session.ChannelId}>\n"));
        }

        await context.ReplyAsync(
            new MessageCreate { Embeds = [new Embed { Title = "Your interviews", Description = DiscordText.Truncate(lines.ToString(), 4096) }] },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
