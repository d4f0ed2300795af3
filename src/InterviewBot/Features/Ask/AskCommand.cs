using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Ask;

/// <summary>
/// <c>/ask [category] [difficulty] [tag]</c>: posts a question in the channel with a thread for answers. Deferred at
/// once (ephemerally), since posting takes several Discord calls; the asker then gets a link to the thread.
/// </summary>
public sealed class AskCommand(
    QuestionCatalog catalog,
    IQuestionUsageStore usage,
    IGuildSettingsStore settings,
    PromptPublisher publisher,
    QuestionSelector selector) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "ask",
        Description = "Post an interview question here, with a thread for everyone's answers.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            QuestionFilterOptions.Category(catalog.Bank),
            QuestionFilterOptions.Difficulty(),
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String,
                Name = "tag",
                Description = "Only questions with this tag (start typing to see tags)",
                Autocomplete = true,
                MaxLength = 40,
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.Channel?.Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread)
        {
            await context.ReplyAsync("Questions get their own thread, so run `/ask` in a text channel rather than inside a thread.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var filter = ParseFilter(context, out var problem);
        if (filter is null)
        {
            await context.ReplyAsync(problem!, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var eligible = await catalog.EligibleAsync(context.GuildId, filter, cancellationToken).ConfigureAwait(false);
        if (eligible.Count == 0)
        {
            await context.ReplyAsync($"No question matches {filter.Describe()}. Try a wider filter, or `/ask` with no options.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var uses = await usage.ListAsync(context.GuildId, null, cancellationToken).ConfigureAwait(false);
        var used = QuestionSelector.CurrentCycle(uses.Select(u => u.QuestionId), eligible);
        var recentCategories = uses.Take(10).Select(u => catalog.Bank.Find(u.QuestionId)?.Category).OfType<string>().ToList();
        var selection = selector.Select(eligible, used, recentCategories)!;
        var guild = await settings.GetAsync(context.GuildId, cancellationToken).ConfigureAwait(false);

        var prompt = await publisher.PublishAsync(new PublishRequest(context.GuildId, context.ChannelId, selection.Question, PromptSource.Ask)
        {
            AskedBy = context.UserId,
            RevealAfter = TimeSpan.FromMinutes(guild.RevealDelayMinutes),
        }, cancellationToken).ConfigureAwait(false);

        var link = $"https://discord.com/channels/{context.GuildId}/{prompt.ThreadId ?? prompt.ChannelId}";
        await context.ReplyAsync($"Your question is up: {link}\nAnswer in its thread; you or a moderator can reveal early with the **Reveal** button or `/reveal`.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typed = (context.Data.GetFocusedOption()?.GetString() ?? string.Empty).Trim().ToLowerInvariant();
        IReadOnlyList<ApplicationCommandOptionChoice> choices = [.. catalog.Bank.Tags
            .Where(t => t.Contains(typed, StringComparison.Ordinal))
            .OrderBy(t => t.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Take(25)
            .Select(t => ApplicationCommandOptionChoice.FromString(t, t))];
        return Task.FromResult(choices);
    }

    private static QuestionFilter? ParseFilter(InteractionContext context, out string? problem)
    {
        problem = null;
        var category = context.StringOption("category");
        var difficultyText = context.StringOption("difficulty");
        var tag = context.StringOption("tag")?.Trim().ToLowerInvariant();
        Difficulty? difficulty = null;
        if (difficultyText is not null)
        {
            if (!DifficultyNames.TryParse(difficultyText, out var parsed))
            {
                problem = "Difficulty must be easy, medium or hard.";
                return null;
            }

            difficulty = parsed;
        }

        if (tag is { Length: 0 })
        {
            tag = null;
        }

        return new QuestionFilter(category is null ? null : [category], difficulty, tag);
    }
}
