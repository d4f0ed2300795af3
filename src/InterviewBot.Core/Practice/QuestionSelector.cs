using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Practice;

/// <summary>
/// Chooses the next question for a scope (a guild's <c>/ask</c>, a daily schedule, an interview): never a question
/// already used in the current cycle, and categories rotate: the category used longest ago (or never) that still has
/// unused questions goes first. Randomness is injected so tests are repeatable.
/// </summary>
public sealed class QuestionSelector(Random random)
{
    /// <param name="eligible">Questions matching the filter, after server-disabled ones were removed.</param>
    /// <param name="usedIds">Ids used in this scope in the current cycle.</param>
    /// <param name="recentCategories">Categories of the scope's recent questions, most recent first.</param>
    /// <returns>Null when nothing is eligible.</returns>
    public QuestionSelection? Select(IReadOnlyList<Question> eligible, IReadOnlySet<string> usedIds, IReadOnlyList<string> recentCategories)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(usedIds);
        ArgumentNullException.ThrowIfNull(recentCategories);
        if (eligible.Count == 0)
        {
            return null;
        }

        var unused = eligible.Where(q => !usedIds.Contains(q.Id)).ToList();
        var restarted = unused.Count == 0;
        if (restarted)
        {
            unused = [.. eligible];
        }

        // Rank categories by how long ago they were used: never used first, then the oldest use.
        var category = unused
            .Select(q => q.Category)
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Category: c, Recency: IndexOf(recentCategories, c)))
            .OrderByDescending(c => c.Recency < 0 ? int.MaxValue : c.Recency)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var best = category[0].Recency;
        var tied = category.TakeWhile(c => c.Recency == best).Select(c => c.Category).ToList();
        var chosenCategory = tied[random.Next(tied.Count)];
        var pool = unused.Where(q => q.Category == chosenCategory).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        var question = pool[random.Next(pool.Count)];
        return new QuestionSelection(question, restarted, unused.Count - 1);
    }

    /// <summary>
    /// The ids used in the current cycle. Replaying the scope's uses from oldest to newest, a cycle ends when its uses
    /// cover the whole eligible pool, and the next one starts empty, so there is no reset to store. Right after a cycle
    /// ends, the newest question still counts as used, so a fresh cycle never opens with the question just asked.
    /// </summary>
    public static IReadOnlySet<string> CurrentCycle(IEnumerable<string> usesNewestFirst, IReadOnlyCollection<Question> eligible)
    {
        ArgumentNullException.ThrowIfNull(usesNewestFirst);
        ArgumentNullException.ThrowIfNull(eligible);
        var pool = eligible.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var uses = usesNewestFirst.Where(pool.Contains).ToList();
        var cycle = new HashSet<string>(StringComparer.Ordinal);
        for (var i = uses.Count - 1; i >= 0; i--)
        {
            cycle.Add(uses[i]);
            if (cycle.Count == pool.Count)
            {
                cycle.Clear();
            }
        }

        if (cycle.Count == 0 && uses.Count > 0 && pool.Count > 1)
        {
            cycle.Add(uses[0]);
        }

        return cycle;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
