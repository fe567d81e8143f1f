
namespace Extractor.Tokenization;

/// <summary>What a known abbreviation tells the tokenizer and the sentence splitter.</summary>
internal enum AbbreviationKind : byte
{
    /// <summary>Keeps its period; may end a sentence when a typical sentence starter follows (<c>U.S.</c>, <c>Inc.</c>).</summary>
    Plain,
    /// <summary>A title or rank that precedes a name (<c>Mr.</c>, <c>Gen.</c>): never ends a sentence.</summary>
    Title,
    /// <summary>An abbreviation only before a number (<c>No. 5</c>); elsewhere the period is punctuation.</summary>
    BeforeNumber,
}

/// <summary>
/// Known abbreviations (with their final period, case-sensitive) loaded from the embedded data file
/// <c>Resources/tokenization/abbreviations.txt</c>, looked up by span without allocating.
/// </summary>
/// <remarks>
/// Data rather than code so the list can grow without touching the tokenizer. Lines are
/// <c>entry[TAB kind]</c> where kind is <c>title</c> or <c>number</c>; <c>#</c> starts a comment.
/// </remarks>
internal sealed class AbbreviationTable
{
    /// <summary>Longest entry; longer spans are rejected before hashing.</summary>
    private readonly int _maxLength;
    // A plain dictionary: freezing it cost more at every start-up than its faster lookups (only words ending in a period) win back.
    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AbbreviationTable(Dictionary<string, AbbreviationKind> entries)
    {
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string key in entries.Keys) _maxLength = Math.Max(_maxLength, key.Length);
    }

    /// <summary>The table shipped with the library.</summary>
    public static AbbreviationTable Default { get; } = Parse(TokenizationData.ReadLines("abbreviations.txt"));

    /// <summary>Builds a table from data-file lines; malformed kinds are a packaging bug and throw.</summary>
    public static AbbreviationTable Parse(IEnumerable<string> lines)
    {
        var entries = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            string[] fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            AbbreviationKind kind = fields.Length < 2 ? AbbreviationKind.Plain : fields[1] switch
            {
                "title" => AbbreviationKind.Title,
                "number" => AbbreviationKind.BeforeNumber,
                _ => throw new InvalidOperationException($"Unknown abbreviation kind '{fields[1]}' for '{fields[0]}' in abbreviations.txt."),
            };
            entries[fields[0]] = kind;
        }
        return new AbbreviationTable(entries);
    }

    /// <summary>Looks up <paramref name="word"/> (including its final period).</summary>
    public bool TryGet(ReadOnlySpan<char> word, out AbbreviationKind kind)
    {
        if (word.Length > _maxLength)
        {
            kind = default;
            return false;
        }
        return _lookup.TryGetValue(word, out kind);
    }
}

/// <summary>A read-only set of words from an embedded data file, looked up by span.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words) =>
        _lookup = new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Capitalized words that typically open a sentence (<c>He</c>, <c>The</c>, <c>However</c>).</summary>
    public static WordSet SentenceStarters { get; } = new(TokenizationData.ReadLines("sentence-starters.txt"));

    /// <summary>Ordinal membership test.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>Reads the tokenization data files embedded in the assembly.</summary>
internal static class TokenizationData
{
    /// <summary>Non-blank, non-comment lines of <c>Resources/tokenization/<paramref name="fileName"/></c>.</summary>
    public static IEnumerable<string> ReadLines(string fileName)
    {
        using var reader = EmbeddedResources.OpenText("Extractor.Resources.tokenization." + fileName);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            string content = (hash >= 0 ? line[..hash] : line).TrimEnd();
            if (content.Trim().Length > 0) lines.Add(content.Trim());
        }
        return lines;
    }
}
