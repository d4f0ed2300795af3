using BenchmarkDotNet.Running;
using InterviewBot.Bench;
using InterviewBot.Bench.EndToEnd;

// dotnet run -c Release --project bench/InterviewBot.Bench -- e2e [--seconds N]   end-to-end load drivers
// dotnet run -c Release --project bench/InterviewBot.Bench -- micro [BenchmarkDotNet args, e.g. --filter *Scoring*]
// Both print Markdown tables; docs/performance.md has the commands and the results.
return args.FirstOrDefault() switch
{
    "e2e" => await EndToEndRunner.RunAsync(args[1..]),
    "micro" => RunMicro(args[1..]),
    EchoBot.Verb => await EchoBot.RunAsync(args[1..]),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    var filter = args.Length == 0 ? ["--filter", "*"] : args;
    BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(filter, new BenchConfig());
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: InterviewBot.Bench e2e [--seconds N] | micro [BenchmarkDotNet arguments]");
    return 2;
}
