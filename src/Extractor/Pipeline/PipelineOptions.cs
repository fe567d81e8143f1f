using Extractor.Knowledge;
using Extractor.Recognition;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Pipeline;

/// <summary>Everything that shapes <see cref="EntityPipeline"/>'s result, given once.</summary>
/// <param name="Model">The tagger's model (<c>ModelFiles.Load</c> in Extractor.IO finds the shipped one).</param>
/// <remarks>The user lexicon is given here and nowhere else: the pipeline hands it to both the recognizer (its
/// matches win over the tagger's spans) and the resolver (its canonical names win over the name rules), which
/// took it separately before, so that giving it to one only changed the output with no error.</remarks>
public sealed record PipelineOptions(NerModel Model)
{
    /// <summary>Names to find as written (<c>--lexicon</c>), or null.</summary>
    public UserLexicon? UserLexicon { get; init; }

    /// <summary>Demonyms (<c>Israeli forces</c>) as mentions of their country.</summary>
    public bool Demonyms { get; init; }

    /// <summary>The name conventions of docs/annotation-guidelines.md on the tagger's spans (default on).</summary>
    public bool NameRules { get; init; } = true;

    /// <summary>The tagger's own scores instead of the model's calibrated ones (for fitting a calibrator).</summary>
    public bool RawScores { get; init; }

    /// <summary>The accurate tier, which then tags instead of the model's perceptron (<c>--accurate</c>), or null.</summary>
    public AccurateModel? Accurate { get; init; }

    /// <summary>The kinds kept in the result; null keeps every kind.</summary>
    public IReadOnlySet<EntityKind>? Types { get; init; }

    /// <summary>Mentions scored below this are dropped (after resolution, so a bare <c>Rubio</c> still learns his full name).</summary>
    public float MinScore { get; init; }
}
