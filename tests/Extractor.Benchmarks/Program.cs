using BenchmarkDotNet.Running;
using Extractor.Benchmarks;

// `profile [FOLDER] [ROUNDS]`: stopwatch time of each pipeline stage; `load [MODEL]`: model load time;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
switch (args.FirstOrDefault())
{
    case "profile":
        StageProfile.Run(args.Length > 1 ? args[1] : null, args.Length > 2 ? int.Parse(args[2]) : 3);
        break;
    case "load":
        LoadTime.Run(args.Length > 1 ? args[1] : null);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
        break;
}
