using BenchmarkDotNet.Attributes;
using InterviewBot.Core.Questions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace InterviewBot.Bench;

/// <summary>
/// Loading and validating 10,000 generated questions (20 files of 500). The bar is "well under a second". The
/// baseline is the cheapest pass YamlDotNet can make over the same text: its event parser read to the end, with no
/// tree and no validation, which is the floor for a YAML-based bank. Loading the text into YamlDotNet's representation
/// model (how the loader used to read files) is shown for comparison.
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
    public int ParseYamlEventsOnly()
    {
        // Same parallelism as the loader (one file per task), so the ratio isolates the cost of the tree and the checks.
        var scalars = 0;
        Parallel.ForEach(_files, file =>
        {
            var parser = new Parser(new StringReader(file.Text));
            var count = 0;
            while (parser.MoveNext())
            {
                count += parser.Current is Scalar ? 1 : 0;
            }

            Interlocked.Add(ref scalars, count);
        });
        return scalars;
    }

    [Benchmark]
    public int ParseYamlModelOnly()
    {
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
