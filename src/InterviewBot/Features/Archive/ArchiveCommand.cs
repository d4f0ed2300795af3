using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Reviews;
using InterviewBot.Core.Scoring;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Archive;

/// <summary>
/// <c>/archive list [category] [month]</c>: past questions of this server (daily and /ask; private interview prompts are
/// left out) with links to their threads and their answer counts, newest first. <c>/archive show prompt</c>: one past
/// question again, ephemerally, with its reference answer and its top-scored answers once it has been revealed.
/// </summary>
public sealed partial class ArchiveCommand(
    IPromptStore prompts,
    IAnswerStore answers,
    IReviewStore reviews,
    QuestionCatalog catalog,
    KeyPointScorer scorer) : ICommandHandler
{
    /// <summary>How far back the archive looks, in prompts.</summary>
    public const int MaxPromptsScanned = 1000;

    public const int MaxListed = 15;
    public const int TopAnswers = 3;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "archive",
        Description = "Past questions of this server, with their threads and best answers.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "list",
                Description = "Past questions, newest first, with links to their threads.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "category", Description = "Only this category", MaxLength = 40 },
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "month", Description = "Only this month, as YYYY-MM (e.g. 2026-11)", MinLength = 7, MaxLength = 7 },
                ],
            },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "show",
                Description = "Show a past question again, with the reference answer and the top answers.",
                Options =
                [
                    new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = "prompt", Description = "The number shown by /archive list", Required = true, MinValue = 1 },
                ],
            },
        ],
    };

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Data.GetCommandPath().Path switch
        {
            "archive show" => ShowAsync(context, cancellationToken),
            _ => ListAsync(context, cancellationToken),
        };
    }

    private async Task ListAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var category = context.StringOption("category")?.Trim().ToLowerInvariant();
        var monthText = context.StringOption("month")?.Trim();
        (int Year, int Month)? month = null;
        if (!string.IsNullOrEmpty(monthText))
        {
            var m = MonthPattern().Match(monthText);
            if (!m.Success || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is < 1 or > 12)
            {
                await context.ReplyAsync("Write the month as YYYY-MM, for example `2026-11`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            month = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var recent = await prompts.ListRecentAsync(context.GuildId, MaxPromptsScanned, cancellationToken).ConfigureAwait(false);
        var questions = new Dictionary<string, Question?>(StringComparer.Ordinal);
        var matching = new List<(Prompt Prompt, Question? Question)>();
        foreach (var prompt in recent.Where(p => p.Source != PromptSource.Interview))
        {
            var date = prompt.LocalDate ?? DateOnly.FromDateTime(prompt.PostedAt.UtcDateTime);
            if (month is { } wanted && (date.Year, date.Month) != wanted)
            {
                continue;
            }

            if (!questions.TryGetValue(prompt.QuestionId, out var question))
            {
                question = await catalog.FindAsync(context.GuildId, prompt.QuestionId, cancellationToken).ConfigureAwait(false);
                questions[prompt.QuestionId] = question;
            }

            if (category is { Length: > 0 } && question?.Category != category)
            {
                continue;
            }

            matching.Add((prompt, question));
        }

        var filter = string.Join(", ", new[] { category is { Length: > 0 } ? $"category {category}" : null, monthText is { Length: > 0 } ? monthText : null }.OfType<string>());
        if (matching.Count == 0)
        {
            await context.ReplyAsync(filter.Length == 0 ? "No questions have been posted here yet." : $"No past questions match {filter}.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = new List<string>();
        foreach (var (prompt, question) in matching.Take(MaxListed))
        {
            var count = (await answers.ListForPromptAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false)).Count;
            var title = DiscordText.EscapeMarkdown(DiscordText.Truncate((question?.Prompt ?? prompt.QuestionId).ReplaceLineEndings(" "), 90)).Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
            var posted = prompt.PostedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"**#{prompt.PromptId}** <t:{posted}:d> · {question?.Category ?? "?"} · [{title}]({Link(prompt)}) · {count} answer{(count == 1 ? string.Empty : "s")}{(prompt.RevealedAt is null ? " · open" : string.Empty)}"));
        }

        var more = matching.Count > MaxListed ? $"\n…and {matching.Count - MaxListed} older. Narrow it with `month` or `category`." : string.Empty;
        var embed = new Embed
        {
            Title = filter.Length == 0 ? "Archive" : $"Archive ({filter})",
            Description = DiscordText.Truncate(string.Join('\n', lines) + more, 4096),
            Footer = new EmbedFooter { Text = "/archive show prompt:<number> shows the answer and the top answers" },
        };
        await context.ReplyAsync(new MessageCreate { Embeds = [embed] }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var id = context.IntegerOption("prompt") ?? 0;
        var prompt = await prompts.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (prompt is null || prompt.GuildId != context.GuildId || prompt.Source == PromptSource.Interview)
        {
            await context.ReplyAsync($"There is no past question #{id} in this server. `/archive list` shows their numbers.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var question = await catalog.FindAsync(context.GuildId, prompt.QuestionId, cancellationToken).ConfigureAwait(false);
        if (question is null)
        {
            await context.ReplyAsync($"Question #{id} (`{prompt.QuestionId}`) no longer exists. Its thread is still here: {Link(prompt)}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var embeds = new List<Embed>();
        var header = new Embed
        {
            Title = DiscordText.Truncate(question.Prompt.ReplaceLineEndings(" "), 256),
            Url = Link(prompt),
            Fields =
            [
                new EmbedField { Name = "Category", Value = question.Category, Inline = true },
                new EmbedField { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true },
                new EmbedField { Name = "Posted", Value = $"<t:{prompt.PostedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:f>", Inline = true },
            ],
            Footer = new EmbedFooter { Text = $"Archive #{prompt.PromptId} · question {question.Id}" },
        };
        if (prompt.RevealedAt is null)
        {
            // The reference answer and others' answers would spoil a question that is still open.
            embeds.Add(header with { Description = $"This question is still open: answer it in its thread, {Link(prompt)}. The reference answer and the top answers appear here after the reveal." });
            await context.ReplyAsync(new MessageCreate { Embeds = embeds }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        embeds.Add(header with
        {
            Description = DiscordText.Truncate("**Reference answer**\n" + question.Answer, 3000),
        });

        var ranked = new List<(Answer Answer, double Score)>();
        foreach (var answer in await answers.ListForPromptAsync(prompt.PromptId, cancellationToken).ConfigureAwait(false))
        {
            var coverage = answer.CoveredKeyPoints is { } covered && answer.KeyPointCount is > 0
                ? covered.Count * 100.0 / answer.KeyPointCount.Value
                : scorer.Score(question, answer.Content).Percent;
            var rubrics = (await reviews.ListForAnswerAsync(answer.AnswerId, cancellationToken).ConfigureAwait(false)).Select(r => r.Rubric).ToList();
            ranked.Add((answer, AnswerScore.Compute(coverage, rubrics)));
        }

        var top = ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Answer.CreatedAt).Take(TopAnswers).ToList();
        var text = new StringBuilder();
        foreach (var (answer, score) in top)
        {
            text.Append(CultureInfo.InvariantCulture, $"**<@{answer.UserId}> · score {score:0}**\n");
            text.Append(DiscordText.Truncate(answer.Content, 700)).Append("\n\n");
        }

        embeds.Add(new Embed
        {
            Title = top.Count == 0 ? "No answers" : $"Top {top.Count} of {ranked.Count} answer{(ranked.Count == 1 ? string.Empty : "s")}",
            Description = top.Count == 0 ? "Nobody answered this one." : DiscordText.Truncate(text.ToString().TrimEnd(), 2800),
        });
        await context.ReplyAsync(new MessageCreate { Embeds = embeds }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Link(Prompt prompt) => string.Create(
        CultureInfo.InvariantCulture,
        $"https://discord.com/channels/{prompt.GuildId}/{prompt.ThreadId ?? prompt.ChannelId}");

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();
}
