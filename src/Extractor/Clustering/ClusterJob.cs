using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Extractor.Text;

namespace Extractor.Clustering;

/// <summary>What a clustering job reads and how it clusters.</summary>
/// <param name="InputPaths">Text files, one paragraph per line; names ending in <c>.gz</c> are decompressed. Read in order.</param>
/// <param name="ClusterCount">Number of leaf clusters (the active-set size).</param>
/// <param name="MinCount">Words occurring fewer times are not clustered.</param>
/// <param name="MaxTokens">Stop reading once this many tokens are in; earlier files are read first, so list preferred text first.</param>
/// <param name="Algorithm">Brown clustering, or k-means over ±2 context windows (<see cref="ContextClusterer"/>).</param>
/// <param name="Seed">Initial centroids for k-means (Brown clustering needs none).</param>
/// <param name="ContextWords">Most frequent words used as k-means context features.</param>
/// <param name="AssignMinCount">k-means only: words seen at least this often but under <paramref name="MinCount"/> join the nearest
/// class afterwards, without moving it; null adds none.</param>
/// <param name="PhraseMinCount">k-means only: runs of capitalized words seen at least this often join the nearest class too; null adds none.</param>
internal sealed record ClusterJobOptions(IReadOnlyList<string> InputPaths, int ClusterCount = 1000, int MinCount = 10, long MaxTokens = long.MaxValue,
    ClusterAlgorithm Algorithm = ClusterAlgorithm.Brown, int Seed = 1, int ContextWords = 5000, int? AssignMinCount = null,
    int? PhraseMinCount = null)
{
    /// <summary>What makes these options unusable together, in the CLI's option names, or null when they are fine.</summary>
    public string? Problem()
    {
        if (AssignMinCount is { } placed)
        {
            if (Algorithm != ClusterAlgorithm.KMeans) return "--assign-min-count needs --algorithm KMeans";
            if (placed < 1 || placed > MinCount) return $"--assign-min-count must be from 1 to --min-count ({MinCount})";
        }
        if (PhraseMinCount is { } phraseMin)
        {
            if (Algorithm != ClusterAlgorithm.KMeans) return "--phrases needs --algorithm KMeans";
            if (phraseMin < 1) return "--phrases must be at least 1";
        }
        return null;
    }
}

/// <summary>How words are grouped into classes.</summary>
internal enum ClusterAlgorithm
{
    /// <summary>Brown clustering of the class-bigram model (<see cref="BrownClusterer"/>).</summary>
    Brown,

    /// <summary>Spherical k-means over PMI-weighted ±2 contexts, with a Ward merge tree (<see cref="ContextClusterer"/>).</summary>
    KMeans,
}

/// <summary>
/// The whole clustering job the CLI runs: stream the inputs through the tokenizer into a <see cref="TokenCorpus"/>,
/// then run <see cref="BrownClusterer"/>. Takes paths rather than streams because a run reads several large gzip files
/// one after another and reports which one it is on; the result is returned, and the caller decides where it is written.
/// </summary>
internal static class ClusterJob
{
    /// <summary>Reads the inputs and clusters their words.</summary>
    /// <exception cref="FileNotFoundException">An input does not exist.</exception>
    public static WordClusters Run(ClusterJobOptions options, TokenizeText tokenize,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenize);
        var clock = Stopwatch.StartNew();
        var corpus = new TokenCorpus();
        foreach (string path in options.InputPaths)
        {
            if (corpus.TokenCount >= options.MaxTokens) break;
            long before = corpus.TokenCount;
            ReadFile(path, tokenize, corpus, options.MaxTokens, cancellationToken);
            progress?.Report($"read {corpus.TokenCount - before} tokens from {path} ({corpus.TokenCount} in all, {clock.Elapsed.TotalSeconds:F0} s)");
        }
        return options.Algorithm == ClusterAlgorithm.KMeans
            ? ContextClusterer.Cluster(corpus, options.ClusterCount, options.MinCount, options.ContextWords, options.Seed, progress: progress,
                cancellationToken: cancellationToken, assignMinCount: options.AssignMinCount, phraseMinCount: options.PhraseMinCount)
            : BrownClusterer.Cluster(corpus, options.ClusterCount, options.MinCount, progress, cancellationToken);
    }

    /// <summary>Reads one input, plain or gzip, strictly as UTF-8.</summary>
    /// <exception cref="InvalidDataException">The file is not gzip data though named .gz, or not UTF-8; the message names it.</exception>
    private static void ReadFile(string path, TokenizeText tokenize, TokenCorpus corpus, long maxTokens, CancellationToken cancellationToken)
    {
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        long line = 0;
        try
        {
            using Stream file = File.OpenRead(path);
            using Stream text = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new CountingReader(new StreamReader(text, StrictText.StreamEncoding), () => line++);
            Read(reader, tokenize, corpus, maxTokens, cancellationToken);
        }
        catch (InvalidDataException) when (gzip)
        {
            throw new InvalidDataException($"{path}: not gzip data, or a damaged archive; give plain text a name without .gz");
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8 near line {line + 1}; convert it (iconv -f LATIN1 -t UTF-8)");
        }
    }

    /// <summary>Counts the lines handed out, so a decoding error can say roughly where it was.</summary>
    private sealed class CountingReader(TextReader inner, Action counted) : TextReader
    {
        public override string? ReadLine()
        {
            var line = inner.ReadLine();
            if (line is not null) counted();
            return line;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Tokenizes each line of <paramref name="reader"/> as one paragraph into <paramref name="corpus"/>, up to <paramref name="maxTokens"/> in all.</summary>
    public static void Read(TextReader reader, TokenizeText tokenize, TokenCorpus corpus, long maxTokens = long.MaxValue,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(tokenize);
        ArgumentNullException.ThrowIfNull(corpus);
        var tokens = new List<Token>();
        while (corpus.TokenCount < maxTokens && reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens.Clear();
            tokenize(line, tokens);
            int take = (int)Math.Min(tokens.Count, maxTokens - corpus.TokenCount);
            for (int i = 0; i < take; i++) corpus.Add(tokens[i].Of(line));
            corpus.EndParagraph();
        }
    }
}
