using Extractor.IO.Output;
using Extractor.IO.Sources;

namespace Extractor.IO.Batch;

/// <summary>What to report: one row per mention, per entity in a document, or per entity over the whole run.</summary>
public enum OutputLevel
{
    /// <summary>One row per distinct entity per document.</summary>
    Entity,
    /// <summary>One row per mention.</summary>
    Mention,
    /// <summary>One row per distinct entity over all inputs.</summary>
    Corpus,
}

/// <summary>The validated settings of one <c>extractor extract</c> run: what is read and how it is written. What the
/// pipeline finds (types, scores, lexicon, demonyms) is <see cref="Extractor.Pipeline.PipelineOptions"/>'s. Nothing
/// below the CLI sees System.CommandLine.</summary>
/// <param name="Paths">Inputs in the order given; <c>-</c> is standard input.</param>
/// <param name="Sources">How inputs are found and read.</param>
/// <param name="Target">The checked <c>-o</c> file, or null for standard output.</param>
/// <param name="Format">Output format.</param>
/// <param name="Output">Writer settings (formula escaping).</param>
/// <param name="Level">Row granularity.</param>
/// <param name="Parallel">Documents processed at once.</param>
/// <param name="FailFast">Stop at the first input that fails.</param>
/// <param name="Quiet">No closing summary line.</param>
public sealed record ExtractOptions(
    IReadOnlyList<string> Paths,
    SourceOptions Sources,
    OutputTarget? Target,
    OutputFormat Format,
    OutputOptions Output,
    OutputLevel Level,
    int Parallel,
    bool FailFast,
    bool Quiet);
