using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Tests.Scoring;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("indexes", "index")]
    [InlineData("indexing", "index")]
    [InlineData("caching", "cach")]
    [InlineData("cached", "cach")]
    [InlineData("cache", "cach")]
    [InlineData("caches", "cach")]
    [InlineData("queries", "queri")]
    [InlineData("query", "queri")]
    [InlineData("retries", "retri")]
    [InlineData("retrying", "retri")]
    [InlineData("mapping", "map")]
    [InlineData("mappings", "map")]
    [InlineData("classes", "class")]
    [InlineData("access", "access")]
    [InlineData("string", "string")]
    [InlineData("strings", "string")]
    [InlineData("queues", "queu")]
    [InlineData("cookies", "cooki")]
    [InlineData("cookie", "cooki")]
    [InlineData("use", "use")]
    [InlineData("ids", "ids")]
    [InlineData("installed", "install")]
    public void Stem_CommonForms_MeetOnOneStem(string word, string expected) => Assert.Equal(expected, Stemmer.Stem(word));

    [Fact]
    public void Tokens_MarkdownAndPunctuation_AreSeparators()
    {
        var tokens = TextNormalizer.Tokens("**Write-through** caches: `SET key`, then _read_ (replicas)!");

        Assert.Equal(["writ", "through", "cach", "set", "key", "then", "read", "replica"], tokens);
    }

    [Fact]
    public void Tokens_LanguageNames_Survive()
    {
        Assert.Equal(["c#", "and", "c++", "and", "net", "cod"], TextNormalizer.Tokens("C# and C++ and .NET code"));
    }

    [Fact]
    public void Tokens_ApostropheInsideWord_IsDropped()
    {
        Assert.Equal(["dont", "retri", "it"], TextNormalizer.Tokens("Don’t retry it"));
        Assert.Equal(["dont"], TextNormalizer.Tokens("don't"));
    }

    [Fact]
    public void Tokens_CompatibilityCharacters_AreFoldedByNfkc()
    {
        // Full-width letters and the "ﬁ" ligature are what NFKC exists for.
        Assert.Equal(["index", "fix"], TextNormalizer.Tokens("ＩＮＤＥＸ ﬁx"));
    }

    [Fact]
    public void Tokens_EmptyOrSymbolsOnly_IsEmpty()
    {
        Assert.Empty(TextNormalizer.Tokens(string.Empty));
        Assert.Empty(TextNormalizer.Tokens("--- *** ``` 🎉"));
    }
}
