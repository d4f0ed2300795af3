using InterviewBot.Core.Scoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewBot.Core.Questions;

/// <summary>
/// Calibration files in <c>questions/samples/</c>: answers written for a question with the coverage band they should
/// land in. Checking them proves the key points recognise a strong answer in other words and ignore an unrelated one.
/// </summary>
public static class SampleAnswerChecker
{
    public const int StrongAtLeast = 70;
    public const int OffAtMost = 20;

    /// <summary>One sample answer as written, with its measured coverage.</summary>
    public sealed record Sample(string QuestionId, SampleBand Band, string Answer, SourceLocation Location);

    public static bool InBand(int percent, SampleBand band) => band switch
    {
        SampleBand.Strong => percent >= StrongAtLeast,
        SampleBand.Partial => percent is > OffAtMost and < StrongAtLeast,
        SampleBand.Off => percent <= OffAtMost,
        _ => false,
    };

    /// <summary>Reads every <c>samples/*.yaml</c> under <paramref name="bankDirectory"/>, reporting malformed entries.</summary>
    public static (IReadOnlyList<Sample> Samples, IReadOnlyList<BankProblem> Problems) Load(string bankDirectory)
    {
        ArgumentNullException.ThrowIfNull(bankDirectory);
        var samples = new List<Sample>();
        var problems = new List<BankProblem>();
        var folder = Path.Combine(bankDirectory, "samples");
        if (!Directory.Exists(folder))
        {
            return (samples, problems);
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.Combine("samples", Path.GetFileName(path));
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(File.ReadAllText(path)));
            }
            catch (Exception e) when (e is YamlException or InvalidOperationException)
            {
                var at = e is YamlException y ? y.Start : Mark.Empty;
                problems.Add(new BankProblem(new SourceLocation(name, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)), "YAML syntax: " + e.Message));
                continue;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
            {
                problems.Add(new BankProblem(new SourceLocation(name, 1, 1), "expected a list of { question, band, answer }"));
                continue;
            }

            foreach (var item in list.Children)
            {
                var location = new SourceLocation(name, (int)item.Start.Line, (int)item.Start.Column);
                if (item is not YamlMappingNode map
                    || Text(map, "question") is not { } id
                    || Text(map, "band") is not { } bandText
                    || Text(map, "answer") is not { } answer)
                {
                    problems.Add(new BankProblem(location, "a sample needs question, band (strong | partial | off) and answer"));
                    continue;
                }

                if (!Enum.TryParse<SampleBand>(bandText, ignoreCase: true, out var band))
                {
                    problems.Add(new BankProblem(location, $"unknown band '{bandText}'; expected strong, partial or off"));
                    continue;
                }

                samples.Add(new Sample(id, band, answer, location));
            }
        }

        return (samples, problems);
    }

    /// <summary>Every sample whose question is missing or whose coverage falls outside its band.</summary>
    public static IReadOnlyList<BankProblem> Check(IReadOnlyList<Sample> samples, QuestionBank bank, KeyPointScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(scorer);
        var problems = new List<BankProblem>();
        foreach (var sample in samples)
        {
            if (bank.Find(sample.QuestionId) is not { } question)
            {
                problems.Add(new BankProblem(sample.Location, $"sample for unknown question '{sample.QuestionId}'"));
                continue;
            }

            var coverage = scorer.Score(question, sample.Answer);
            if (!InBand(coverage.Percent, sample.Band))
            {
                var missed = string.Join(", ", coverage.Missed.Select(m => m.KeyPoint.Label));
                var hit = string.Join(", ", coverage.Points.Where(p => p.Covered).Select(p => $"{p.KeyPoint.Label} ('{p.MatchedPhrase}')"));
                problems.Add(new BankProblem(
                    sample.Location,
                    $"{sample.Band.ToString().ToUpperInvariant()} sample for '{sample.QuestionId}' scores {coverage.Percent}% ({Expected(sample.Band)}); covered: {hit}; missed: {missed}"));
            }
        }

        return problems;
    }

    private static string Expected(SampleBand band) => band switch
    {
        SampleBand.Strong => $"expected at least {StrongAtLeast}%",
        SampleBand.Partial => $"expected more than {OffAtMost}% and less than {StrongAtLeast}%",
        _ => $"expected at most {OffAtMost}%",
    };

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
