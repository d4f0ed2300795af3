using BenchmarkDotNet.Attributes;
using InterviewBot.Core.Questions;
using YamlDotNet.RepresentationModel;

namespace InterviewBot.Bench;

/// <summary>
/// Loading and validating 10,000 generated questions (20 files of 500). The bar is "well under a second". The
/// baseline is YamlDotNet parsing the same text into its representation model without any validation, which is the
/// floor for a YAML-based bank.
/// </summary>
[MemoryDiagnoser]
public class BankLoadBenchmarks
{
    private List<(string Name, string Text)> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = [.. Enumerable.Range(0, 20).Select(i => ($"category{i}.yaml", GeneratedBank.File($"category{i}", 500, i * 1000)))];
        var check = QuestionBankLoader.LoadFiles(_files);
        if (!check.IsValid || check.Questions.Count != 10_000)
        {
            throw new InvalidOperationException("generated bank is invalid: " + string.Join('\n', check.Problems.Take(5)));
        }
    }

    [Benchmark(Baseline = true)]
    public int ParseYamlOnly()
    {
        // Same parallelism as the loader (one file per task), so the ratio isolates the validation cost.
        var nodes = 0;
        Parallel.ForEach(_files, file =>
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            Interlocked.Add(ref nodes, ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Count);
        });
        return nodes;
    }

    [Benchmark]
    public int LoadAndValidate10000() => QuestionBankLoader.LoadFiles(_files).Questions.Count;
}
