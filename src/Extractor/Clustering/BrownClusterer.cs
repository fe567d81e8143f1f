namespace Extractor.Clustering;

/// <summary>
/// Brown et al. (1992) hierarchical word clustering with Liang's (2005) restricted active set: words join in order of
/// frequency, and after each one joins the pair whose merge loses the least average mutual information is merged,
/// so at most <c>clusters + 1</c> clusters are live and each step costs O(clusters²).
/// </summary>
/// <remarks>
/// Once every word has joined, the remaining clusters are merged down to one; the merge tree over them gives each
/// cluster a bit path (0 = the lower slot's side, 1 = the other), which is what NER features use as prefixes
/// (Ratinov &amp; Roth 2009). Deterministic: words are ranked by count then ordinal text, and ties between pairs go to
/// the lowest slots. The alternative, exchange clustering then Brown-merging the classes, was not needed: measured
/// run time fits the budget with the full algorithm.
/// </remarks>
internal static class BrownClusterer
{
    /// <summary>Clusters the words of <paramref name="corpus"/> occurring at least <paramref name="minCount"/> times.</summary>
    /// <param name="corpus">Token ids in order; bigrams never span a paragraph break.</param>
    /// <param name="clusterCount">Size of the active set, which is the number of leaf clusters when the vocabulary is larger.</param>
    /// <param name="minCount">Words rarer than this are left out, and break the bigrams around them.</param>
    /// <param name="progress">Receives a line now and then; may be null.</param>
    /// <param name="cancellationToken">Checked once per word.</param>
    public static WordClusters Cluster(TokenCorpus corpus, int clusterCount, int minCount,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);

        int[] byRank = RankWords(corpus, minCount);
        int[] rank = new int[corpus.TypeCount];
        Array.Fill(rank, -1);
        for (int r = 0; r < byRank.Length; r++) rank[byRank[r]] = r;
        var table = BigramTable.Count(corpus.Tokens, rank, byRank.Length);
        progress?.Report($"vocabulary {byRank.Length} of {corpus.TypeCount} types (min count {minCount}); " +
                         $"{table.Total} bigrams, {table.Distinct} distinct");
        if (byRank.Length == 0)
        {
            return WordClusters.Create([]);
        }

        var run = new BrownRun(table, Math.Min(clusterCount, byRank.Length), progress, cancellationToken);
        (string[] leafPaths, int[] leafOfWord) = run.Execute();

        var entries = new List<WordClusters.Entry>(byRank.Length);
        for (int w = 0; w < byRank.Length; w++)
        {
            entries.Add(new WordClusters.Entry(leafPaths[leafOfWord[w]], corpus.Word(byRank[w]), corpus.Frequency(byRank[w])));
        }
        // Liang's layout: grouped by path, most frequent word first within a cluster (entries are already by rank).
        return WordClusters.Create(entries.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    /// <summary>Corpus ids of the kept words, most frequent first; equal counts in ordinal order of their text.</summary>
    internal static int[] RankWords(TokenCorpus corpus, int minCount)
    {
        var kept = new List<int>();
        for (int id = 0; id < corpus.TypeCount; id++)
        {
            if (corpus.Frequency(id) >= minCount) kept.Add(id);
        }
        kept.Sort((x, y) =>
        {
            int byCount = corpus.Frequency(y).CompareTo(corpus.Frequency(x));
            return byCount != 0 ? byCount : string.CompareOrdinal(corpus.Word(x), corpus.Word(y));
        });
        return [.. kept];
    }
}
