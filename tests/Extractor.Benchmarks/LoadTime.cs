using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Extractor.Models;

namespace Extractor.Benchmarks;

/// <summary>Model load time: file read, checksum, parse and index build (what every CLI start pays).</summary>
internal static class LoadTime
{
    public static void Run(string? path)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "models", "extractor.model");
        var clock = Stopwatch.StartNew();
        ModelReader.ReadFile(path);
        double cold = clock.Elapsed.TotalMilliseconds;
        var warm = new double[15];
        for (int i = 0; i < warm.Length; i++)
        {
            clock.Restart();
            ModelReader.ReadFile(path);
            warm[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(warm);
        Console.WriteLine($"model load: cold {cold:F0} ms (first in the process, JIT included), warm {warm[warm.Length / 2]:F1} ms (median of {warm.Length}), file {new FileInfo(path).Length / 1e6:F1} MB");
    }
}

/// <summary>BenchmarkDotNet view of the same: steady-state load of the shipped model.</summary>
public class ModelLoadBenchmarks
{
    private readonly string _path = Path.Combine(AppContext.BaseDirectory, "models", "extractor.model");

    [Benchmark]
    public object Load() => ModelReader.ReadFile(_path);
}
