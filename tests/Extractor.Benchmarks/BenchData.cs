using Extractor.Models;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Benchmarks;

/// <summary>The shipped model and a fixed set of news documents shared by every benchmark.</summary>
/// <remarks>
/// Documents come from <c>BENCH_CORPUS</c> (a folder of <c>.txt</c> files, e.g. the one
/// <c>scripts/bench.sh</c> builds) and otherwise from the repository's <c>samples/</c>, so the
/// benchmarks run anywhere; only the first <see cref="MaxDocuments"/> are used to keep runs short.
/// </remarks>
internal static class BenchData
{
    public const int MaxDocuments = 200;

    private static readonly Lazy<NerModel> LazyModel = new(() =>
        ModelReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "models", "extractor.model")));

    private static readonly Lazy<string[]> LazyDocuments = new(LoadDocuments);

    public static NerModel Model => LazyModel.Value;

    public static string[] Documents => LazyDocuments.Value;

    /// <summary>The word lists the pipeline gives the shipped model: the built-in ones plus the model's phrase lists, if any.</summary>
    public static WordLists WordLists => WordLists.Default.WithLists(Model.Lists);

    /// <summary>The pipeline extract runs, every kind kept.</summary>
    public static EntityPipeline NewPipeline() => new(new PipelineOptions(Model));

    /// <summary>Total tokens in <see cref="Documents"/>, as the pipeline's tokenizer counts them.</summary>
    public static long TokenCount()
    {
        return Documents.Sum(d => (long)EntityPipeline.Segment(d).TokenCount);
    }

    private static string[] LoadDocuments()
    {
        string? dir = Environment.GetEnvironmentVariable("BENCH_CORPUS");
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir)) dir = Path.Combine(AppContext.BaseDirectory, "samples");
        return Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(MaxDocuments)
            .Select(File.ReadAllText)
            .ToArray();
    }
}
