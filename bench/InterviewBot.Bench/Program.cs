using BenchmarkDotNet.Running;

// One command runs every benchmark (or pass a BenchmarkDotNet filter such as --filter *Scoring*);
// results are printed as Markdown tables and copied to docs/performance.md by hand.
BenchmarkSwitcher.FromAssembly(typeof(InterviewBot.Bench.ScoringBenchmarks).Assembly).Run(args, new InterviewBot.Bench.BenchConfig());
