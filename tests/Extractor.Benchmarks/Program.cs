using BenchmarkDotNet.Running;
using Extractor.Benchmarks;

// `profile [FOLDER] [ROUNDS]` times each pipeline stage with a stopwatch; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "profile")
{
    StageProfile.Run(args.Length > 1 ? args[1] : null, args.Length > 2 ? int.Parse(args[2]) : 3);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
