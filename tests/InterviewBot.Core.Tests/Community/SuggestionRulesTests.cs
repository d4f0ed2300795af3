using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Community;

public sealed class SuggestionRulesTests
{
    private const string GoodAnswer = """
        An **idempotency key** is a unique value the client sends with a request, so the server can recognise a retry.
        The server stores the key with the **response** of the first attempt and returns that stored response for
        every retry, instead of charging the card twice. Keys **expire** after a day or so.
        """;

    private static readonly string[] Known = ["apis", "caching", "databases"];

    private static SuggestedQuestion Good => new("How do idempotency keys make a payment API safe to retry?", GoodAnswer, "apis", "medium");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void CheckPendingLimit_BelowFive_Allows(int pending) => Assert.Null(SuggestionRules.CheckPendingLimit(pending));

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void CheckPendingLimit_FiveOrMore_RefusesWithReason(int pending)
    {
        var message = SuggestionRules.CheckPendingLimit(pending);

        Assert.NotNull(message);
        Assert.Contains($"{pending} suggestions waiting", message, StringComparison.Ordinal);
        Assert.Contains("limit is 5", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodSuggestion_IsValid()
    {
        var check = SuggestionRules.Validate(Good, Known);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal("apis", check.Category);
        Assert.Equal(Difficulty.Medium, check.Difficulty);
        Assert.False(check.IsNewCategory);
        Assert.StartsWith("Thanks!", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CategoryAndDifficulty_AreCaseAndSpaceInsensitive()
    {
        var check = SuggestionRules.Validate(Good with { Category = "  APIs ", Difficulty = " HARD" }, Known);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal("apis", check.Category);
        Assert.Equal(Difficulty.Hard, check.Difficulty);
    }

    [Fact]
    public void Validate_PromptAtTheLimit_IsValid_OneMoreIsNot()
    {
        Assert.True(SuggestionRules.Validate(Good with { Prompt = new string('a', 256) }, Known).IsValid);

        var check = SuggestionRules.Validate(Good with { Prompt = new string('a', 257) }, Known);

        Assert.Equal("The question is 257 characters; keep it to 256 (Discord's title limit) and move details into the answer.", Assert.Single(check.Problems));
    }

    [Fact]
    public void Validate_EmptyPrompt_IsRefused()
    {
        var check = SuggestionRules.Validate(Good with { Prompt = "   " }, Known);

        Assert.Contains("The question is empty", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnswerUnderTwentyWords_IsRefusedWithTheCount()
    {
        var check = SuggestionRules.Validate(Good with { Answer = "Send a unique key; the server stores the first response and replays it." }, Known);

        var problem = Assert.Single(check.Problems);
        Assert.StartsWith("The reference answer has 13 words; write at least 20", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnswerOfExactlyTwentyWords_IsValid()
    {
        var answer = string.Join(' ', Enumerable.Range(1, 20).Select(i => "word" + i));

        Assert.True(SuggestionRules.Validate(Good with { Answer = answer }, Known).IsValid);
        Assert.False(SuggestionRules.Validate(Good with { Answer = string.Join(' ', Enumerable.Range(1, 19).Select(i => "word" + i)) }, Known).IsValid);
    }

    [Fact]
    public void Validate_AnswerThatIsMostlyCode_AsksForWords()
    {
        var answer = "Like this:\n\n```csharp\n" + string.Join('\n', Enumerable.Range(1, 10).Select(i => $"var item{i} = await store.LoadAsync(id{i});")) + "\n```";

        var check = SuggestionRules.Validate(Good with { Answer = answer }, Known);

        Assert.StartsWith("The reference answer needs at least 3 distinct key terms outside code blocks", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyAnswer_SaysSo()
    {
        var check = SuggestionRules.Validate(Good with { Answer = "" }, Known);

        Assert.StartsWith("The reference answer is empty", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnswerOverTheEmbedLimit_IsRefused()
    {
        var answer = string.Join(' ', Enumerable.Repeat("idempotency", 400));

        var check = SuggestionRules.Validate(Good with { Answer = answer }, Known);

        Assert.Equal($"The reference answer is {answer.Length} characters; keep it to 4096 (Discord's embed limit).", Assert.Single(check.Problems));
    }

    [Fact]
    public void Validate_NewCategorySlug_IsAcceptedAndFlagged()
    {
        var check = SuggestionRules.Validate(Good with { Category = "message-queues" }, Known);

        Assert.True(check.IsValid);
        Assert.True(check.IsNewCategory);
        Assert.Contains("new category, `message-queues`", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Message Queues!")]
    [InlineData("-leading")]
    [InlineData("an-extremely-long-category-name-that-goes-on")]
    public void Validate_BadCategory_ListsTheKnownOnes(string category)
    {
        var check = SuggestionRules.Validate(Good with { Category = category }, Known);

        var problem = Assert.Single(check.Problems);
        Assert.Contains("is not a category", problem, StringComparison.Ordinal);
        Assert.Contains("apis, caching, databases", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCategory_AsksForOne()
    {
        var check = SuggestionRules.Validate(Good with { Category = " " }, Known);

        Assert.Equal("Choose a category: apis, caching, databases.", Assert.Single(check.Problems));
    }

    [Fact]
    public void Validate_UnknownDifficulty_SaysWhatIsAccepted()
    {
        var check = SuggestionRules.Validate(Good with { Difficulty = "extreme" }, Known);

        Assert.Equal("'extreme' is not a difficulty: use easy, medium or hard.", Assert.Single(check.Problems));
    }

    [Fact]
    public void Validate_HintTooLong_IsRefused()
    {
        var check = SuggestionRules.Validate(Good with { Hint = new string('h', 1001) }, Known);

        Assert.Equal("The hint is 1001 characters; keep it to 1000.", Assert.Single(check.Problems));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllInOneMessage()
    {
        var check = SuggestionRules.Validate(new SuggestedQuestion("", "too short", "No Such Thing", "?"), Known);

        Assert.Equal(4, check.Problems.Count);
        Assert.StartsWith("Your suggestion needs a few changes before it can be sent:\n• ", check.Message, StringComparison.Ordinal);
        Assert.Equal(4, check.Message.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToQuestion_ValidSuggestion_PassesTheBankValidatorAsAServerImport()
    {
        var suggestion = Good with { Hint = "  Think about retries.  " };
        var check = SuggestionRules.Validate(suggestion, Known);

        var question = SuggestionRules.ToQuestion(suggestion, check, []);
        var (parsed, problems) = QuestionFileParser.Parse("server", QuestionYamlWriter.Write([question]), expectedCategory: null, new KeyPointScorer());

        Assert.Empty(problems);
        Assert.Equal("Think about retries.", Assert.Single(parsed).Hint);
        Assert.All(question.KeyPoints, p => Assert.True(p.Derived));
        Assert.Contains(question.KeyPoints, p => p.Label == "idempotency key");
    }

    [Fact]
    public void ToQuestion_InvalidCheck_Throws()
    {
        var bad = Good with { Difficulty = "?" };

        Assert.Throws<ArgumentException>(() => SuggestionRules.ToQuestion(bad, SuggestionRules.Validate(bad, Known), []));
    }

    [Fact]
    public void MakeId_UsesCategoryAndContentWords()
    {
        Assert.Equal("apis-idempotency-keys-payment-api", SuggestionRules.MakeId("apis", Good.Prompt, []));
    }

    [Fact]
    public void MakeId_Taken_AddsASuffix()
    {
        Assert.Equal("caching-cache-stampede-2", SuggestionRules.MakeId("caching", "What's a cache stampede?", ["caching-cache-stampede"]));
        Assert.Equal("caching-cache-stampede-3", SuggestionRules.MakeId("caching", "What's a cache stampede?", ["caching-cache-stampede", "caching-cache-stampede-2"]));
    }

    [Theory]
    [InlineData("caching", "Qu'est-ce qu'un café élégant ?")]
    [InlineData("c#", "日本語だけ")]
    [InlineData("x", "?")]
    [InlineData("system-design", "Design a globally distributed, strongly consistent, multi-region, multi-tenant configuration service with auditing")]
    public void MakeId_AnyInput_GivesAValidBankId(string category, string prompt)
    {
        var id = SuggestionRules.MakeId(category, prompt, []);

        Assert.Matches("^[a-z0-9][a-z0-9-]{2,63}$", id);
        Assert.DoesNotContain("--", id, StringComparison.Ordinal);
        Assert.False(id.EndsWith('-'), id);
    }
}
