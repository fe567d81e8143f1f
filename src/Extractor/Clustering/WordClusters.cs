using System.Collections.Frozen;
using System.Globalization;

namespace Extractor.Clustering;

/// <summary>
/// Word → cluster lookup with each cluster's bit path, read from and written to the <c>paths</c> format
/// (<c>BITSTRING\tWORD\tCOUNT</c> per line, as Liang's <c>wcluster</c> writes it). Read-only and thread-safe.
/// </summary>
/// <remarks>
/// Lookup is exact and case-sensitive: Brown clusters are learned on cased text and NER relies on case. A lowercase
/// fallback was not added because its benefit cannot be measured without the recognizer. Clusters are numbered in
/// order of first appearance in the file, so <see cref="Write"/> then <see cref="Read"/> gives identical numbering.
/// </remarks>
internal sealed class WordClusters
{
    /// <summary>Longest prefix <see cref="PathPrefix"/> can encode next to its marker bit.</summary>
    public const int MaxPrefixLength = 63;

    private readonly FrozenDictionary<string, int> _clusterOf;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _paths;
    private readonly Entry[] _entries;

    private WordClusters(Entry[] entries, string[] paths, Dictionary<string, int> clusterOf)
    {
        _entries = entries;
        _paths = paths;
        _clusterOf = clusterOf.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _clusterOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One line of the paths format.</summary>
    public readonly record struct Entry(string Path, string Word, long Count);

    /// <summary>Number of clusters (distinct paths).</summary>
    public int Count => _paths.Length;

    /// <summary>Number of words with a cluster.</summary>
    public int WordCount => _entries.Length;

    /// <summary>The entries in file order.</summary>
    public ReadOnlySpan<Entry> Entries => _entries;

    /// <summary>Finds the cluster of <paramref name="word"/>, matched exactly; does not allocate.</summary>
    public bool TryGetCluster(ReadOnlySpan<char> word, out int clusterIndex) => _lookup.TryGetValue(word, out clusterIndex);

    /// <summary>The bit path of cluster <paramref name="cluster"/> as a string of '0' and '1', root first.</summary>
    public string Path(int cluster) => _paths[cluster];

    /// <summary>Number of bits in the path of cluster <paramref name="cluster"/>.</summary>
    public int PathLength(int cluster) => _paths[cluster].Length;

    /// <summary>
    /// The first min(<paramref name="length"/>, path length) bits of the path as an integer behind a leading marker 1
    /// bit, so prefixes of different lengths never collide ("01" → 0b101, "001" → 0b1001, "" → 1): a ready-made
    /// feature value for Ratinov &amp; Roth's prefix-4/6/10/20 features. Lengths are capped at <see cref="MaxPrefixLength"/>.
    /// </summary>
    public ulong PathPrefix(int cluster, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        string path = _paths[cluster];
        int take = Math.Min(Math.Min(length, path.Length), MaxPrefixLength);
        ulong value = 1;
        for (int i = 0; i < take; i++) value = (value << 1) | (uint)(path[i] - '0');
        return value;
    }

    /// <summary>Builds the lookup from entries in order; a word may appear once.</summary>
    /// <exception cref="ArgumentException">A path is not a bit string, or a word repeats.</exception>
    public static WordClusters Create(IEnumerable<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entry[] all = [.. entries];
        var clusterOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new List<string>();
        foreach (Entry entry in all)
        {
            if (!IsBitString(entry.Path)) throw new ArgumentException($"Path '{entry.Path}' of '{entry.Word}' is not a string of 0 and 1.", nameof(entries));
            if (entry.Word.Length == 0) throw new ArgumentException("A word is empty.", nameof(entries));
            if (!clusterOfPath.TryGetValue(entry.Path, out int cluster))
            {
                cluster = paths.Count;
                clusterOfPath.Add(entry.Path, cluster);
                paths.Add(entry.Path);
            }
            if (!clusterOf.TryAdd(entry.Word, cluster)) throw new ArgumentException($"Word '{entry.Word}' appears twice.", nameof(entries));
        }
        return new WordClusters(all, [.. paths], clusterOf);
    }

    /// <summary>Reads the paths format: <c>BITSTRING\tWORD\tCOUNT</c> per line.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the line number.</exception>
    public static WordClusters Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<Entry>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            string[] fields = line.Split('\t');
            if (fields.Length != 3 || !IsBitString(fields[0]) || fields[1].Length == 0
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                throw new InvalidDataException($"Line {lineNumber} of the cluster file is not 'BITSTRING<tab>WORD<tab>COUNT': '{line}'.");
            }
            entries.Add(new Entry(fields[0], fields[1], count));
        }
        try
        {
            return Create(entries);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The cluster file is inconsistent: {e.Message}", e);
        }
    }

    /// <summary>Writes every entry in order, one <c>BITSTRING\tWORD\tCOUNT</c> line each with '\n' endings.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (Entry entry in _entries)
        {
            writer.Write(entry.Path);
            writer.Write('\t');
            writer.Write(entry.Word);
            writer.Write('\t');
            writer.Write(entry.Count.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static bool IsBitString(string path) => !path.AsSpan().ContainsAnyExcept('0', '1');
}
