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
}
