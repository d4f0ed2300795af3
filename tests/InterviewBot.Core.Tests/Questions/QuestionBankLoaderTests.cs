using InterviewBot.Core.Questions;

namespace InterviewBot.Core.Tests.Questions;

public sealed class QuestionBankLoaderTests
{
    private static string QuestionYaml(string id, string category) => $"""
        - id: {id}
          category: {category}
          difficulty: medium
          tags: [t]
          prompt: Why?
          answer: |
            Because alpha, beta and gamma.
          key_points:
            - {"{"} label: A, phrases: [alpha] {"}"}
            - {"{"} label: B, phrases: [beta] {"}"}
            - {"{"} label: C, phrases: [gamma] {"}"}

        """;

    [Fact]
    public void LoadFiles_DuplicateIdAcrossFiles_NamesBothPlaces()
    {
        var result = QuestionBankLoader.LoadFiles(
        [
            ("apis.yaml", QuestionYaml("api-one", "apis")),
            ("caching.yaml", QuestionYaml("cache-one", "caching") + QuestionYaml("api-one", "caching")),
        ]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("caching.yaml:12:3: duplicate id 'api-one' (first defined at apis.yaml:1:3)", problem.ToString());
        Assert.Equal(2, result.Questions.Count);
        Assert.Throws<InvalidQuestionBankException>(result.ToBank);
    }

    [Fact]
    public void LoadDirectory_ReadsTopLevelYamlOnly_AndIndexesTags()
    {
        var dir = Directory.CreateTempSubdirectory("bank-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "apis.yaml"), QuestionYaml("api-one", "apis"));
            Directory.CreateDirectory(Path.Combine(dir, "samples"));
            File.WriteAllText(Path.Combine(dir, "samples", "apis.yaml"), "- not: a question");

            var result = QuestionBankLoader.LoadDirectory(dir);

            Assert.True(result.IsValid, string.Join('\n', result.Problems));
            var bank = result.ToBank();
            Assert.Equal(["apis"], bank.Categories);
            Assert.Equal(["t"], bank.Tags);
            Assert.NotNull(bank.Find("api-one"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_Missing_IsAProblemNotAnException()
    {
        var result = QuestionBankLoader.LoadDirectory(Path.Combine(Path.GetTempPath(), "no-such-bank-" + Guid.NewGuid()));

        Assert.False(result.IsValid);
        Assert.Contains("does not exist", result.Problems[0].Reason, StringComparison.Ordinal);
    }
}
