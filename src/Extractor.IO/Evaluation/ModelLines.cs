using System.Globalization;
using Extractor.Pipeline;

namespace Extractor.IO.Evaluation;

/// <summary>The report's first lines: which model scored, and the accurate tier when it tagged.</summary>
internal static class ModelLines
{
    public static void Write(PipelineOptions options, TextWriter writer)
    {
        writer.WriteLine($"model: {options.Model.Info.Version} ({options.Model.Info.Settings})");
        if (options.Accurate is { } tier)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tier: accurate (network dev F1 {tier.DevF1:F2}, trained beside {tier.BaseModel})"));
    }
}
