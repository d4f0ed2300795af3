using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Tests.Community;

public sealed class QuestionSimilarityTests
{
    private static readonly Question Stampede = TestQuestions.Make(
        "cache-stampede",
        "What is a cache stampede, and how do you stop one from taking down your database when a hot key expires?",
        "A cache stampede happens when a popular key expires and many requests miss at once and all rebuild the value from the database. Request coalescing, locks and jitter on the TTL prevent it.");

    private static readonly Question Isolation = TestQuestions.Make(
        "db-isolation",
        "Explain the SQL transaction isolation levels and the anomalies each one prevents.",
        "Read uncommitted allows dirty reads; read committed prevents them; repeatable read prevents non-repeatable reads; serializable prevents phantoms and write skew.",
        category: "databases");

    private static readonly Question Jwt = TestQuestions.Make(
        "sec-jwt",
        "What is inside a JSON Web Token, and what must a server check before trusting one?",
        "A JWT has a header, a payload and a signature. Check the signature with the expected algorithm, then expiry, issuer and audience.",
        category: "security");

    private static readonly Question[] Questions = [Isolation, Stampede, Jwt];

    [Theory]
    [InlineData("What's a cache stampede and how would you stop it from taking down the database when a hot key expires?")]
    [InlineData("WHAT IS A **CACHE STAMPEDE**, AND HOW DO YOU STOP ONE FROM TAKING DOWN YOUR DATABASE WHEN A HOT KEY EXPIRES")]
    [InlineData("What are cache stampedes and how do you stop them from taking down your databases when hot keys expire?")]
    [InlineData("What is a cache stampede, and how can you stop one taking down the database when a hot key expires? Give an example.")]
    public void FindClosest_NearIdenticalRewording_FlagsTheOriginal(string prompt)
    {
        var closest = QuestionSimilarity.FindClosest(prompt, null, Questions);

        Assert.NotNull(closest);
        Assert.Same(Stampede, closest.Value.Question);
        Assert.True(QuestionSimilarity.IsLikelyDuplicate(closest.Value.Score), $"score {closest.Value.Score}");
    }

    [Fact]
    public void FindClosest_OneContentWordSwapped_IsStillALikelyDuplicate()
    {
        var closest = QuestionSimilarity.FindClosest(
            "What is a cache stampede, and how do you stop one from overloading your database when a hot key expires?", null, Questions);

        Assert.Same(Stampede, closest!.Value.Question);
        Assert.InRange(closest.Value.Score, QuestionSimilarity.LikelyDuplicateThreshold, 0.99);
    }

    [Theory]
    [InlineData("How does a consistent hashing ring decide which node stores a key, and what happens when a node joins?")]
    [InlineData("Describe blue-green deployments and how you roll back a bad release.")]
    [InlineData("Tell me about a time you disagreed with your manager.")]
    [InlineData("What is the difference between a process and a thread?")]
    public void FindClosest_UnrelatedQuestion_IsNotADuplicate(string prompt)
    {
        var closest = QuestionSimilarity.FindClosest(prompt, null, Questions);

        Assert.True(closest is null || !QuestionSimilarity.IsLikelyDuplicate(closest.Value.Score), $"score {closest?.Score}");
    }

    [Fact]
    public void FindClosest_SameTopicDifferentQuestion_StaysBelowThreshold()
    {
        var closest = QuestionSimilarity.FindClosest("How do you choose a TTL for cache entries, and what goes wrong when it is too long?", null, Questions);

        Assert.True(closest is null || !QuestionSimilarity.IsLikelyDuplicate(closest.Value.Score), $"score {closest?.Score}");
    }

    [Fact]
    public void FindClosest_NothingShared_ReturnsNull()
    {
        Assert.Null(QuestionSimilarity.FindClosest("Kubernetes pod eviction priorities?", null, Questions));
        Assert.Null(QuestionSimilarity.FindClosest("What is a cache stampede?", null, []));
        Assert.Null(QuestionSimilarity.FindClosest("the and of it", null, Questions));
    }

    [Fact]
    public void FindClosest_SimilarAnswer_RaisesTheScore_DifferentAnswerNeverLowersIt()
    {
        const string prompt = "What is a cache stampede, and how do you stop one from overloading a database when a key expires?";
        var promptOnly = QuestionSimilarity.FindClosest(prompt, null, Questions)!.Value.Score;

        var withSameAnswer = QuestionSimilarity.FindClosest(prompt, Stampede.Answer, Questions)!.Value.Score;
        var withOtherAnswer = QuestionSimilarity.FindClosest(prompt, "Completely different words about sharding keys by tenant region.", Questions)!.Value.Score;

        Assert.True(withSameAnswer > promptOnly, $"{withSameAnswer} vs {promptOnly}");
        Assert.Equal(promptOnly, withOtherAnswer, 6);
    }

    [Fact]
    public void FindClosest_SameAnswerDifferentPrompt_IsNotADuplicate()
    {
        var closest = QuestionSimilarity.FindClosest("Name three things a load balancer health check verifies.", Stampede.Answer, Questions);

        Assert.NotNull(closest);
        Assert.InRange(closest.Value.Score, 0, QuestionSimilarity.AnswerWeight);
        Assert.False(QuestionSimilarity.IsLikelyDuplicate(closest.Value.Score));
    }

    [Fact]
    public void FindClosest_Tie_GoesToTheFirstQuestion()
    {
        var copy = Stampede with { Id = "cache-stampede-copy" };

        var closest = QuestionSimilarity.FindClosest(Stampede.Prompt, null, [copy, Stampede]);

        Assert.Same(copy, closest!.Value.Question);
        Assert.Equal(1, closest.Value.Score, 6);
    }

    [Fact]
    public void Jaccard_IdenticalText_IsOne_DisjointIsZero_AndSymmetric()
    {
        Assert.Equal(1, QuestionSimilarity.Jaccard(Stampede.Prompt, Stampede.Prompt), 6);
        Assert.Equal(0, QuestionSimilarity.Jaccard(Stampede.Prompt, Jwt.Prompt), 6);
        Assert.Equal(QuestionSimilarity.Jaccard(Stampede.Prompt, Isolation.Prompt + " cache stampede"), QuestionSimilarity.Jaccard(Isolation.Prompt + " cache stampede", Stampede.Prompt), 9);
    }

    [Fact]
    public void Jaccard_ShortTexts_CompareAsOneShingle()
    {
        Assert.Equal(1, QuestionSimilarity.Jaccard("What is CQRS?", "cqrs"), 6);
        Assert.Equal(0, QuestionSimilarity.Jaccard("What is CQRS?", "What is DDD?"), 6);
    }

    [Fact]
    public void Score_IsSymmetric()
    {
        Assert.Equal(
            QuestionSimilarity.Score(Stampede.Prompt, Stampede.Answer, Isolation.Prompt, Stampede.Answer),
            QuestionSimilarity.Score(Isolation.Prompt, Stampede.Answer, Stampede.Prompt, Stampede.Answer),
            9);
    }

    [Fact]
    public void RealBank_NoTwoQuestionsAreLikelyDuplicates()
    {
        var bank = TestQuestions.Bank;
        Assert.NotEmpty(bank);
        var worst = (Score: 0.0, Pair: string.Empty);
        for (var i = 0; i < bank.Count; i++)
        {
            var others = bank.Where((_, j) => j != i);
            if (QuestionSimilarity.FindClosest(bank[i].Prompt, bank[i].Answer, others) is { } closest && closest.Score > worst.Score)
            {
                worst = (closest.Score, $"{bank[i].Id} ~ {closest.Question.Id}");
            }
        }

        Assert.True(worst.Score < 0.15, $"{worst.Pair}: {worst.Score}");
    }

    [Fact]
    public void RealBank_EveryQuestionFindsItselfFirst()
    {
        foreach (var question in TestQuestions.Bank)
        {
            var closest = QuestionSimilarity.FindClosest(question.Prompt, question.Answer, TestQuestions.Bank);

            Assert.Same(question, closest!.Value.Question);
        }
    }
}
