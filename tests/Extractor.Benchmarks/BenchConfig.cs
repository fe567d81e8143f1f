using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Extractor.Benchmarks;

/// <summary>A short in-process job (the reference machine has two shared cores), the memory diagnoser, and per-token columns.</summary>
/// <remarks>In-process: no per-benchmark project build (minutes here), and it runs from any folder.</remarks>
internal static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new PerTokenColumn(perSecond: true), new PerTokenColumn(perSecond: false))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}

/// <summary>Benchmarks whose one operation is one document report its token count here.</summary>
internal interface ITokenCounted
{
    /// <summary>Average tokens per operation.</summary>
    double TokensPerOperation { get; }
}

/// <summary>Tokens per second, or allocated bytes per token, from a benchmark's per-operation figures.</summary>
internal sealed class PerTokenColumn(bool perSecond) : IColumn
{
    public string Id => perSecond ? "TokensPerSecond" : "BytesPerToken";
    public string ColumnName => perSecond ? "Tokens/s" : "Alloc B/token";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => perSecond ? "Tokens processed per second (one thread)" : "Bytes allocated per token (MemoryDiagnoser)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "-";
        if (Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not ITokenCounted counted) return "-";
        double tokens = counted.TokensPerOperation;
        if (perSecond) return (tokens / (report.ResultStatistics.Mean / 1e9)).ToString("N0");
        long? bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is null ? "-" : (bytes.Value / tokens).ToString("F2");
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
