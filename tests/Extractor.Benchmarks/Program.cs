using BenchmarkDotNet.Running;
using Extractor.Benchmarks;

// `profile [FOLDER] [ROUNDS] [--separate]`: stopwatch time of each pipeline stage (--separate: each stage of a
// two-pass model scored on its own, Viterbi and forward-backward timed apart); `load [MODEL]`: model load time;
// `calibration [FOLDER] [ROUNDS]`: tagging with calibrated against raw scores, interleaved;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
switch (args.FirstOrDefault())
{
    case "profile":
        {
            var rest = args.Skip(1).Where(a => a != "--separate").ToArray();
            StageProfile.Run(rest.Length > 0 ? rest[0] : null, rest.Length > 1 ? int.Parse(rest[1]) : 3, args.Contains("--separate"));
            break;
        }
    case "calibration":
        CalibrationCost.Run(args.Length > 1 ? args[1] : null, args.Length > 2 ? int.Parse(args[2]) : 21);
        break;
    case "load":
        LoadTime.Run(args.Length > 1 ? args[1] : null);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
        break;
}
