using Extractor.Models;
using Extractor.Recognition.Neural;

namespace Extractor.Tests.Recognition.Neural;

/// <summary>The shipped accurate tier, as copied beside the test assembly, loaded once.</summary>
internal static class ShippedTier
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "models", "extractor-accurate.model");

    public static NeuralModel Model => Lazy.Value;

    private static readonly Lazy<NeuralModel> Lazy = new(() => NeuralModelFile.ReadFile(Path));

    /// <summary>What the training tool stored for the first dev sentences (scripts/neural/train.py --reference).</summary>
    public static string ReferencePath { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "neural", "accurate-reference.tsv");
}
