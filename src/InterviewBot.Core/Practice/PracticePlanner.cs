using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;

namespace InterviewBot.Core.Practice;

/// <summary>
/// The order of a member's practice run (terminal <c>practice</c> verb and Discord <c>/practice</c>): questions due for
/// review first, most overdue first, then questions the member has never answered, chosen by
/// <see cref="QuestionSelector"/> so categories rotate. Questions answered before and not yet due are left out:
/// asking them early would defeat the spacing.
/// </summary>
public sealed class PracticePlanner(QuestionSelector selector)
{
    /// <param name="eligible">Questions matching the member's filter.</param>
    /// <param name="states">The member's spaced-repetition state per question id (any question, eligible or not).</param>
    /// <param name="now">The current instant: a state is due when its due time is at or before it.</param>
    /// <param name="count">The most questions to return.</param>
    public IReadOnlyList<PracticeItem> Plan(IReadOnlyList<Question> eligible, IReadOnlyDictionary<string, RepetitionState> states, DateTimeOffset now, int count)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var items = new List<PracticeItem>(count);
        var due = eligible
            .Select(q => (Question: q, State: states.GetValueOrDefault(q.Id)))
            .Where(x => x.State is not null && x.State.DueAt <= now)
            .OrderBy(x => x.State!.DueAt)
            .ThenBy(x => x.Question.Id, StringComparer.Ordinal)
            .Take(count);
        foreach (var (question, state) in due)
        {
            items.Add(new PracticeItem(question, state));
        }

        var fresh = eligible.Where(q => !states.ContainsKey(q.Id)).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);

        // The reviews count as the most recent categories, so the first new question comes from another one.
        var recent = items.Select(i => i.Question.Category).Reverse().ToList();
        while (items.Count < count)
        {
            var selection = selector.Select(fresh, used, recent);
            if (selection is null || selection.CycleRestarted)
            {
                break;
            }

            used.Add(selection.Question.Id);
            recent.Insert(0, selection.Question.Category);
            items.Add(new PracticeItem(selection.Question, null));
        }

        return items;
    }

    /// <summary>When the member's next eligible review falls due, for "nothing due until …" messages; null when none is scheduled.</summary>
    public static DateTimeOffset? NextDue(IReadOnlyList<Question> eligible, IReadOnlyDictionary<string, RepetitionState> states)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(states);
        return eligible
            .Select(q => states.GetValueOrDefault(q.Id)?.DueAt)
            .Where(d => d is not null)
            .Min();
    }
}
