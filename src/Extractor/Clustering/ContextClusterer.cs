namespace Extractor.Clustering;

/// <summary>
/// Distributional word classes: words grouped by spherical k-means over the words seen within two places of them,
/// then arranged in a Ward merge tree so each class has a bit path like a Brown cluster's.
/// </summary>
/// <remarks>
/// Brown clustering sees only the immediate left and right neighbour, through one class-bigram likelihood. These
/// classes see a ±2 window weighted by PMI, closer to the distributional classes Stanford NER uses, so the two
/// clusterings can disagree usefully and are meant to be used together as layers (Turian et al. 2010).
/// </remarks>
internal static class ContextClusterer
{
    /// <summary>Clusters the words of <paramref name="corpus"/> occurring at least <paramref name="minCount"/> times into <paramref name="clusterCount"/> classes.</summary>
    /// <param name="corpus">Token ids in order; windows never span a paragraph break.</param>
    /// <param name="clusterCount">Number of classes (k).</param>
    /// <param name="minCount">Words rarer than this get no class (they still count as context, in one "rarer word" bucket).</param>
    /// <param name="contextWords">How many of the most frequent words are context features.</param>
    /// <param name="seed">Picks the initial centroids; the same seed gives the same classes.</param>
    /// <param name="maxIterations">Upper bound on k-means iterations.</param>
    /// <param name="progress">Receives a line per stage and iteration; may be null.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <param name="assignMinCount">Words seen at least this often but fewer than <paramref name="minCount"/> times join the
    /// nearest class once the classes are formed, without moving them; <paramref name="minCount"/> (the default) adds none.</param>
    /// <param name="phraseMinCount">Runs of capitalized words (<see cref="NamePhrases"/>) seen at least this often also join the
    /// nearest class, as entries whose word is the phrase with single spaces; null adds none.</param>
    public static WordClusters Cluster(TokenCorpus corpus, int clusterCount, int minCount, int contextWords, int seed,
        int maxIterations = 25, IProgress<string>? progress = null, CancellationToken cancellationToken = default, int? assignMinCount = null,
        int? phraseMinCount = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextWords, 1);
        int placedMin = assignMinCount ?? minCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(placedMin, 1, nameof(assignMinCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(placedMin, minCount, nameof(assignMinCount));

        // Ranked by frequency, so the clustered words are the first rows and the rarer ones follow.
        int[] byRank = BrownClusterer.RankWords(corpus, placedMin);
        int clustered = byRank.Count(id => corpus.Frequency(id) >= minCount);
        if (clustered == 0) return WordClusters.Create([]);
        int[] rank = new int[corpus.TypeCount];
        Array.Fill(rank, -1);
        for (int r = 0; r < byRank.Length; r++) rank[byRank[r]] = r;
        // Only the clustered words' contexts set the PMI baseline, so adding rarer words leaves their classes as they were.
        var matrix = ContextMatrix.Build(corpus.Tokens, rank, byRank.Length, Math.Min(contextWords, clustered), clustered);
        progress?.Report($"vocabulary {clustered} of {corpus.TypeCount} types (min count {minCount})" +
                         (byRank.Length > clustered ? $", then {byRank.Length - clustered} rarer ones (min count {placedMin}) placed in the nearest class" : "") +
                         $"; {matrix.FeatureCount} context features, {matrix.Column.Length} positive PMI cells");

        int k = Math.Min(clusterCount, clustered);
        var kmeans = new SphericalKMeans(matrix, k, clustered);
        kmeans.Run(seed, maxIterations, progress, cancellationToken);
        string[] paths = WardTree.Paths(kmeans.Sums, kmeans.Sizes);
        progress?.Report($"merge tree over {k} classes: paths of {paths.Min(p => p.Length)} to {paths.Max(p => p.Length)} bits");

        var entries = new List<WordClusters.Entry>(byRank.Length);
        for (int w = 0; w < byRank.Length; w++)
            entries.Add(new WordClusters.Entry(paths[kmeans.Assignment[w]], corpus.Word(byRank[w]), corpus.Frequency(byRank[w])));
        if (phraseMinCount is int phraseMin)
            entries.AddRange(PlacePhrases(corpus, kmeans, rank, byRank.Length, Math.Min(contextWords, clustered), clustered, paths, phraseMin, progress));
        return WordClusters.Create(entries.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    /// <summary>Classes for the corpus's name phrases: each phrase's occurrences become one token, and its contexts (the words
    /// around the whole phrase) choose the nearest final centroid, weighted against the clustered words' PMI baseline.</summary>
    private static IEnumerable<WordClusters.Entry> PlacePhrases(TokenCorpus corpus, SphericalKMeans kmeans, int[] rank, int rows,
        int contextWords, int clustered, string[] paths, int minCount, IProgress<string>? progress)
    {
        var phrases = NamePhrases.Find(corpus, minCount);
        int[] tokens = phrases.Rewrite(corpus.Tokens, corpus.TypeCount);
        int[] phraseRank = [.. rank, .. Enumerable.Range(rows, phrases.Count)];
        var matrix = ContextMatrix.Build(tokens, phraseRank, rows + phrases.Count, contextWords, clustered);
        int[] nearest = kmeans.Nearest(matrix, rows, rows + phrases.Count);
        progress?.Report($"{phrases.Count} name phrases seen at least {minCount} times; {nearest.Count(c => c >= 0)} placed in the nearest class");
        for (int p = 0; p < phrases.Count; p++)
        {
            if (nearest[p] < 0) continue;
            string text = string.Join(' ', phrases.Words[p].Select(corpus.Word));
            yield return new WordClusters.Entry(paths[nearest[p]], text, phrases.Counts[p]);
        }
    }
}
