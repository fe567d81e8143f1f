using Extractor.Models;
using Extractor.Recognition;

namespace Extractor.Tests;

/// <summary>The shipped model and sample articles, as copied beside the test assembly, loaded once for every test that tags real text.</summary>
internal static class ShippedModel
{
    /// <summary>The model in <c>models/extractor.model</c>.</summary>
    public static NerModel Model { get; } = ModelReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "models", "extractor.model"));

    /// <summary>The three sample articles in file-name order, joined by blank lines.</summary>
    public static string SamplesText() => string.Join("\n\n",
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
}
