using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Tests.Practice;

public sealed class QuestionSelectorTests
{
    private static Question Q(string id, string category) => new()
    {
        Id = id,
        Category = category,
        Difficulty = Difficulty.Medium,
        Prompt = "p",
        Answer = "a",
        KeyPoints = [],
    };

    private static readonly Question[] Pool = [Q("a1", "apis"), Q("a2", "apis"), Q("c1", "caching"), Q("d1", "databases"), Q("d2", "databases")];

    [Fact]
    public void Select_NeverRepeatsUntilPoolIsUsedUp()
    {
        var selector = new QuestionSelector(new Random(7));
        var used = new HashSet<string>();
        var recent = new List<string>();

        for (var i = 0; i < Pool.Length; i++)
        {
            var selection = selector.Select(Pool, used, recent)!;
            Assert.False(selection.CycleRestarted);
            Assert.True(used.Add(selection.Question.Id), $"{selection.Question.Id} repeated");
            Assert.Equal(Pool.Length - used.Count, selection.UnusedAfter);
            recent.Insert(0, selection.Question.Category);
        }

        var next = selector.Select(Pool, used, recent)!;
        Assert.True(next.CycleRestarted);
    }

    [Fact]
    public void Select_RotatesCategories_NeverUsedFirstThenOldest()
    {
        var selector = new QuestionSelector(new Random(1));
        var used = new HashSet<string>();
        var recent = new List<string>();
        var categories = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            var selection = selector.Select(Pool, used, recent)!;
            used.Add(selection.Question.Id);
            recent.Insert(0, selection.Question.Category);
            categories.Add(selection.Question.Category);
        }

        Assert.Equal(3, categories.Distinct().Count());
    }

    [Fact]
    public void Select_PrefersCategoryUsedLongestAgo()
    {
        var selector = new QuestionSelector(new Random(3));

        var selection = selector.Select(Pool, new HashSet<string>(), ["apis", "databases", "caching"])!;

        Assert.Equal("caching", selection.Question.Category);
    }

    [Fact]
    public void Select_NothingEligible_IsNull()
    {
        Assert.Null(new QuestionSelector(new Random(1)).Select([], new HashSet<string>(), []));
    }

    [Fact]
    public void Select_SameSeed_SameChoice()
    {
        var first = new QuestionSelector(new Random(42)).Select(Pool, new HashSet<string>(), [])!.Question.Id;
        var second = new QuestionSelector(new Random(42)).Select(Pool, new HashSet<string>(), [])!.Question.Id;

        Assert.Equal(first, second);
    }

    [Fact]
    public void CurrentCycle_CountsUsesUntilThePoolWasCovered()
    {
        // Pool of 5. Oldest to newest: a1 d2 c1 d1 a2 completes a cycle; then c1, d2 are the current one.
        var uses = new[] { "d2", "c1", "a2", "d1", "x-not-eligible", "c1", "d2", "a1" };

        var cycle = QuestionSelector.CurrentCycle(uses, Pool);

        Assert.Equal(["c1", "d2"], cycle.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CurrentCycle_WholePoolUsed_StartsAfresh()
    {
        var uses = new[] { "a1", "a2", "c1", "d1", "d2" };

        var cycle = QuestionSelector.CurrentCycle(uses, Pool);

        // A fresh cycle, except that the question just asked is not asked again straight away.
        Assert.Equal(["a1"], cycle);
    }

    [Fact]
    public void Select_WithCurrentCycle_WalksThroughEveryQuestionBeforeRepeating()
    {
        var selector = new QuestionSelector(new Random(5));
        var history = new List<string>();

        for (var round = 0; round < 3; round++)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < Pool.Length; i++)
            {
                var used = QuestionSelector.CurrentCycle(history, Pool);
                var selection = selector.Select(Pool, used, [])!;
                Assert.True(seen.Add(selection.Question.Id), $"round {round}: {selection.Question.Id} repeated");
                Assert.False(history.Count > 0 && history[0] == selection.Question.Id, "the same question twice in a row");
                history.Insert(0, selection.Question.Id);
            }
        }
    }
}
