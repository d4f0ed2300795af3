using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Practice.Discord;

/// <summary>The member's next practice question and due counts, shared by the command and the <b>Next question</b> button.</summary>
public sealed class PracticeCommandSession(QuestionCatalog catalog, ISpacedRepetitionStore repetition, PracticePlanner planner)
{
    public async Task<(PracticeItem? Next, DateTimeOffset? NextDue)> NextAsync(ulong guildId, ulong userId, string? category, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eligible = await catalog.EligibleAsync(guildId, new QuestionFilter(category is null ? null : [category]), cancellationToken).ConfigureAwait(false);
        var states = await StatesAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        var plan = planner.Plan(eligible, states, now, 1);
        return (plan.Count > 0 ? plan[0] : null, PracticePlanner.NextDue(eligible, states));
    }

    public async Task<IReadOnlyDictionary<string, RepetitionState>> StatesAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        (await repetition.ListForMemberAsync(guildId, userId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.QuestionId, e => e.State, StringComparer.Ordinal);

    public async Task<IReadOnlyList<Question>> EligibleAsync(ulong guildId, CancellationToken cancellationToken) =>
        await catalog.EligibleAsync(guildId, QuestionFilter.Any, cancellationToken).ConfigureAwait(false);
}
