using InterviewBot.Core.Practice;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;

namespace InterviewBot.Core.Tests.Practice;

public sealed class PracticePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static Question Q(string id, string category) => new()
    {
        Id = id,
        Category = category,
        Difficulty = Difficulty.Medium,
        Prompt = "p",
        Answer = "a",
        KeyPoints = [],
    };

    private static RepetitionState DueAt(DateTimeOffset due) => RepetitionState.New(due) with { IntervalDays = 1, Repetitions = 1, LastReviewedAt = due.AddDays(-1) };

    private static PracticePlanner Planner(int seed = 3) => new(new QuestionSelector(new Random(seed)));

    [Fact]
    public void Plan_DueQuestions_ComeFirstMostOverdueFirst()
    {
        Question[] bank = [Q("a1", "apis"), Q("c1", "caching"), Q("d1", "databases"), Q("n1", "apis")];
        var states = new Dictionary<string, RepetitionState>
        {
            ["a1"] = DueAt(Now.AddDays(-1)),
            ["c1"] = DueAt(Now.AddDays(-5)),
            ["d1"] = DueAt(Now),
        };

        var items = Planner().Plan(bank, states, Now, 10);

        Assert.Equal(["c1", "a1", "d1", "n1"], items.Select(i => i.Question.Id));
        Assert.All(items.Take(3), i => Assert.False(i.IsNew));
        Assert.True(items[3].IsNew);
        Assert.Same(states["c1"], items[0].State);
    }

    [Fact]
    public void Plan_SameDueTime_OrderedById()
    {
        Question[] bank = [Q("b", "apis"), Q("a", "apis")];
        var states = new Dictionary<string, RepetitionState> { ["a"] = DueAt(Now.AddHours(-1)), ["b"] = DueAt(Now.AddHours(-1)) };

        var items = Planner().Plan(bank, states, Now, 2);

        Assert.Equal(["a", "b"], items.Select(i => i.Question.Id));
    }

    [Fact]
    public void Plan_AnsweredButNotDue_LeftOut()
    {
        Question[] bank = [Q("a1", "apis"), Q("c1", "caching")];
        var states = new Dictionary<string, RepetitionState> { ["a1"] = DueAt(Now.AddSeconds(1)) };

        var items = Planner().Plan(bank, states, Now, 5);

        Assert.Equal(["c1"], items.Select(i => i.Question.Id));
    }

    [Fact]
    public void Plan_CountLimitsDueAndNew()
    {
        Question[] bank = [Q("a1", "apis"), Q("c1", "caching"), Q("d1", "databases"), Q("d2", "databases")];
        var states = new Dictionary<string, RepetitionState> { ["a1"] = DueAt(Now.AddDays(-2)), ["c1"] = DueAt(Now.AddDays(-1)) };

        Assert.Equal(["a1"], Planner().Plan(bank, states, Now, 1).Select(i => i.Question.Id));
        var three = Planner().Plan(bank, states, Now, 3);
        Assert.Equal(["a1", "c1"], three.Take(2).Select(i => i.Question.Id));
        Assert.StartsWith("d", three[2].Question.Id, StringComparison.Ordinal);
        Assert.Empty(Planner().Plan(bank, states, Now, 0));
    }

    [Fact]
    public void Plan_NewQuestions_RotateCategoriesAndNeverRepeat()
    {
        Question[] bank = [Q("a1", "apis"), Q("a2", "apis"), Q("c1", "caching"), Q("c2", "caching"), Q("d1", "databases"), Q("d2", "databases")];

        for (var seed = 0; seed < 20; seed++)
        {
            var items = Planner(seed).Plan(bank, new Dictionary<string, RepetitionState>(), Now, 6);

            Assert.Equal(6, items.Select(i => i.Question.Id).Distinct().Count());
            Assert.Equal(3, items.Take(3).Select(i => i.Question.Category).Distinct().Count());
            Assert.Equal(3, items.Skip(3).Select(i => i.Question.Category).Distinct().Count());
        }
    }

    [Fact]
    public void Plan_FirstNewQuestion_AvoidsCategoryOfTheReviews()
    {
        Question[] bank = [Q("a1", "apis"), Q("a2", "apis"), Q("c1", "caching")];
        var states = new Dictionary<string, RepetitionState> { ["a1"] = DueAt(Now.AddDays(-1)) };

        for (var seed = 0; seed < 10; seed++)
        {
            var items = Planner(seed).Plan(bank, states, Now, 3);

            Assert.Equal(["a1", "c1", "a2"], items.Select(i => i.Question.Id));
        }
    }

    [Fact]
    public void Plan_OnlyEligibleQuestions_StatesOfOthersIgnored()
    {
        Question[] bank = [Q("c1", "caching")];
        var states = new Dictionary<string, RepetitionState> { ["elsewhere"] = DueAt(Now.AddDays(-9)) };

        var items = Planner().Plan(bank, states, Now, 5);

        Assert.Equal(["c1"], items.Select(i => i.Question.Id));
    }

    [Fact]
    public void Plan_NothingEligible_Empty()
    {
        Assert.Empty(Planner().Plan([], new Dictionary<string, RepetitionState>(), Now, 5));
    }

    [Fact]
    public void NextDue_EarliestScheduledEligibleQuestion()
    {
        Question[] bank = [Q("a1", "apis"), Q("c1", "caching"), Q("n1", "apis")];
        var states = new Dictionary<string, RepetitionState>
        {
            ["a1"] = DueAt(Now.AddDays(3)),
            ["c1"] = DueAt(Now.AddDays(2)),
            ["other"] = DueAt(Now.AddDays(1)),
        };

        Assert.Equal(Now.AddDays(2), PracticePlanner.NextDue(bank, states));
        Assert.Null(PracticePlanner.NextDue([Q("n1", "apis")], states));
    }
}
