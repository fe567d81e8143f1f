using Extractor.Recognition.Features;

namespace Extractor.Recognition.Scoring;

/// <summary>The two stages of a two-pass model, scored through one table: thread-safe, shared by every tagging thread.</summary>
/// <remarks>
/// The second stage's features are the first stage's plus four that read the first pass's labels, so every
/// other feature id is looked up twice per token, once per pass: twice the hashing, and twice the cache misses
/// in two tables of several megabytes. Here one <see cref="WeightTable.Pair"/> keeps both stages' weights of
/// an id side by side. The first pass adds each context feature into both stages' scores at once and word
/// types are summed for both stages together, so the second pass only adds its four label features and the
/// cached word sums. Every score is added in the order the second stage's own features would add it, so
/// the scores, and therefore the tags, are bit-identical to tagging each stage on its own.
/// </remarks>
internal sealed class StagePair
{
    private readonly Task<Built> _pending;
    // A reference, not a nullable tuple: a tuple of two references is written in more than one store, so a thread
    // could read it half-written (HasValue set, Words still null); tagging threads crashed that way in parallel runs.
    private Built? _ready;

    private StagePair(PerceptronModel first, FeatureExtractor firstExtractor, PerceptronModel second, FeatureExtractor secondExtractor, WeightTable? stored)
    {
        First = first;
        FirstExtractor = firstExtractor;
        Second = second;
        SecondExtractor = secondExtractor;
        if (stored is not null)
        {
            // A model file's stored table (format 5): only the word cache's two padding rows are left to compute.
            _pending = Task.FromResult(new Built(stored, new WordScoreCache(stored, first, firstExtractor)));
            return;
        }
        // Built in the background (~20 ms): a CLI start opens its input and output meanwhile.
        _pending = Task.Run(() =>
        {
            var weights = WeightTable.Pair(first, second);
            return new Built(weights, new WordScoreCache(weights, first, firstExtractor));
        });
    }

    /// <summary>Whether two stages are scored as a pair: the second's features are the first's plus the label features.</summary>
    public static bool Pairs(PerceptronModel first, PerceptronModel second) =>
        (first.Features & FeatureSet.SecondPass) == 0
        && second.Features == (first.Features | FeatureSet.SecondPass)
        && first.Tags.Count == second.Tags.Count;

    /// <summary>A pair for these stages, or null when the second stage's features are not the first's plus the label features.</summary>
    /// <param name="first">The first stage.</param>
    /// <param name="firstExtractor">Its features.</param>
    /// <param name="second">The second stage.</param>
    /// <param name="secondExtractor">Its features.</param>
    /// <param name="stored">Their <see cref="WeightTable.Pair"/> table as a model file stored it, or null to build it.</param>
    public static StagePair? TryCreate(PerceptronModel first, FeatureExtractor firstExtractor, PerceptronModel second, FeatureExtractor secondExtractor,
        WeightTable? stored = null)
    {
        bool matches = Pairs(first, second) && firstExtractor.Set == first.Features && secondExtractor.Set == second.Features;
        return matches ? new StagePair(first, firstExtractor, second, secondExtractor, stored) : null;
    }

    /// <summary>The first stage.</summary>
    public PerceptronModel First { get; }

    /// <summary>The first stage's features.</summary>
    public FeatureExtractor FirstExtractor { get; }

    /// <summary>The second stage.</summary>
    public PerceptronModel Second { get; }

    /// <summary>The second stage's features.</summary>
    public FeatureExtractor SecondExtractor { get; }

    /// <summary>Both stages' weights, waiting for the build the first time.</summary>
    public WeightTable Weights => Ready.Weights;

    /// <summary>Both stages' word-type sums.</summary>
    public WordScoreCache Words => Ready.Words;

    private Built Ready
    {
        get
        {
            var ready = Volatile.Read(ref _ready);
            if (ready is not null) return ready;
            ready = _pending.GetAwaiter().GetResult();
            Volatile.Write(ref _ready, ready);
            return ready;
        }
    }

    private sealed record Built(WeightTable Weights, WordScoreCache Words);
}
