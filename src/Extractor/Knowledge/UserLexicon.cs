using System.Runtime.InteropServices;
using Extractor.Recognition;
using Extractor.Recognition.Spans;
using Extractor.Resolution;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Knowledge;

/// <summary>
/// A user's lexicon (<c>extractor extract --lexicon FILE</c>): names with their type and canonical name, found in
/// text by their tokens, as written, and taking precedence over the model where they overlap.
/// </summary>
/// <remarks>
/// <para>Format, one entry per line, UTF-8: <c>surface&lt;TAB&gt;TYPE[&lt;TAB&gt;canonical]</c>. TYPE is PERSON,
/// ORGANIZATION, COUNTRY, LOCATION or MISC (any case; PER, ORG, LOC too). A COUNTRY's canonical (or its surface) must
/// name a country of the shipped table or give its alpha-2 code, so that the row gets its ISO code. Blank lines and
/// lines starting with <c>#</c> are skipped. A malformed line stops the load with <c>FILE:LINE: reason</c>.</para>
/// <para>The surface is tokenized as documents are, and matches where the same tokens occur in the same case
/// (<c>IRGC</c> does not match <c>Irgc</c>); the longest entry starting at a token wins. Matching costs one hash
/// look-up per token that starts like an entry and allocates nothing. Immutable and thread-safe.</para>
/// </remarks>
public sealed class UserLexicon
{
    /// <summary>The most tokens an entry may have: longer surfaces are a sign of a wrong column.</summary>
    public const int MaxTokens = 32;

    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstToken;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _byKey;

    private UserLexicon(Dictionary<string, Entry> byKey)
    {
        _byKey = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _byFirstToken = byKey.Values
            .GroupBy(e => e.Tokens[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Tokens.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string first in _byFirstToken.Dictionary.Keys)
        {
            if (first[0] < 128) _firstChars[first[0] >> 6] |= 1UL << first[0];
            else _nonAsciiFirst = true;
        }
        Count = byKey.Count;
    }

    // Which characters an entry's first token starts with (ASCII as bits, the rest as one flag): most tokens of a text
    // (lowercase words, punctuation) start no entry of the shipped lists, and are passed over without hashing them.
    private readonly ulong[] _firstChars = new ulong[2];
    private readonly bool _nonAsciiFirst;

    private bool MayStartEntry(char c) => c < 128 ? (_firstChars[c >> 6] & (1UL << c)) != 0 : _nonAsciiFirst;

    /// <summary>Number of entries.</summary>
    public int Count { get; }

    /// <summary>One entry: its tokens, what it resolves to, and where it was written.</summary>
    /// <param name="Tokens">The surface's tokens.</param>
    /// <param name="Label">The span label the recognizer gives it (COUNTRY is a location).</param>
    /// <param name="Kind">The resolved kind.</param>
    /// <param name="Name">Canonical name (the country's table name for COUNTRY).</param>
    /// <param name="Code">ISO alpha-2 for COUNTRY, else empty.</param>
    /// <param name="Where">FILE:LINE, for errors about duplicates.</param>
    public sealed record Entry(string[] Tokens, EntityLabel Label, EntityKind Kind, string Name, string Code, string Where);

    /// <summary>Reads lexicon files; <paramref name="sources"/> are (name for messages, reader) pairs, read in order.</summary>
    /// <exception cref="InvalidDataException">A malformed line, or a surface listed twice with different meanings;
    /// the message is <c>FILE:LINE: reason</c>.</exception>
    public static UserLexicon Read(IEnumerable<(string Name, TextReader Reader)> sources) => Read(sources, CountryTable.Default);

    /// <summary>As <see cref="Read(IEnumerable{ValueTuple{string, TextReader}})"/>, resolving COUNTRY entries in <paramref name="countries"/>.</summary>
    internal static UserLexicon Read(IEnumerable<(string Name, TextReader Reader)> sources, CountryTable countries)
    {
        var tokenizer = Tokenizer.Shipped;
        var tokens = new List<Token>();
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, reader) in sources)
        {
            int number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
                string where = $"{name}:{number}";
                Entry entry = Parse(line, where, tokenizer, tokens, countries);
                string key = string.Concat(entry.Tokens);
                if (byKey.TryGetValue(key, out Entry? earlier) && (earlier.Kind != entry.Kind || earlier.Name != entry.Name))
                    throw new InvalidDataException($"{where}: '{line.Split('\t')[0]}' is already listed at {earlier.Where} as {earlier.Kind.ToOutputName()} '{earlier.Name}'");
                byKey.TryAdd(key, entry);
            }
        }
        return new UserLexicon(byKey);
    }

    private static Entry Parse(string line, string where, Tokenizer tokenizer, List<Token> tokens, CountryTable countries)
    {
        string[] columns = line.TrimEnd('\r').Split('\t');
        if (columns.Length is < 2 or > 3)
            throw new InvalidDataException($"{where}: expected 'surface<TAB>TYPE[<TAB>canonical]', found {columns.Length} column{(columns.Length == 1 ? "" : "s")}");
        string surface = columns[0].Trim();
        if (surface.Length == 0) throw new InvalidDataException($"{where}: the surface (first column) is empty");
        string typeName = columns[1].Trim();
        if (!EntityKinds.TryParse(typeName, out var kinds) || kinds.Count != 1)
            throw new InvalidDataException($"{where}: unknown type '{typeName}' (use PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC)");
        string canonical = columns.Length == 3 && columns[2].Trim().Length > 0 ? SurfaceText.Clean(columns[2]) : SurfaceText.Clean(surface);
        tokens.Clear();
        tokenizer.Tokenize(surface, tokens);
        if (tokens.Count == 0) throw new InvalidDataException($"{where}: the surface '{surface}' has no words");
        if (tokens.Count > MaxTokens) throw new InvalidDataException($"{where}: the surface has {tokens.Count} tokens; at most {MaxTokens}");
        string[] words = tokens.Select(t => surface[t.Start..t.End]).ToArray();
        EntityKind kind = kinds[0];
        if (kind == EntityKind.Country)
        {
            Country country = FindCountry(canonical, countries)
                ?? throw new InvalidDataException($"{where}: '{canonical}' is not a country in the table; give its name or ISO alpha-2 code in the third column");
            return new Entry(words, EntityLabel.Location, kind, country.Name, country.Alpha2, where);
        }
        EntityLabel label = kind switch
        {
            EntityKind.Person => EntityLabel.Person,
            EntityKind.Organization => EntityLabel.Organization,
            EntityKind.Location => EntityLabel.Location,
            _ => EntityLabel.Misc,
        };
        return new Entry(words, label, kind, canonical, "", where);
    }

    private static Country? FindCountry(string name, CountryTable countries)
    {
        if (countries.TryResolveName(name, out Country? country)) return country;
        return countries.All.FirstOrDefault(c => c.Alpha2.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The entry whose tokens spell <paramref name="surface"/> (whitespace ignored), if any.</summary>
    public bool TryGet(ReadOnlySpan<char> surface, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? entry)
    {
        Span<char> buffer = surface.Length <= 256 ? stackalloc char[surface.Length] : new char[surface.Length];
        int length = 0;
        foreach (char c in surface)
        {
            if (!char.IsWhiteSpace(c)) buffer[length++] = c;
        }
        return _byKey.TryGetValue(buffer[..length], out entry);
    }

    /// <summary>Replaces the spans of one sentence where entries match: each match removes the spans it overlaps.
    /// With <paramref name="yieldToLonger"/>, a match that a span reaches beyond is left alone: the tagger's longer
    /// name stands (<c>Hamas Political Bureau</c> keeps its span when <c>Hamas</c> is listed); and so does a span the
    /// tagger found exactly as listed, with its own score.</summary>
    internal void Apply(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans, bool yieldToLonger = false)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Of(text);
            if (word.IsEmpty || !MayStartEntry(word[0]) || !_byFirstToken.TryGetValue(word, out Entry[]? candidates)) continue;
            foreach (Entry entry in candidates)
            {
                if (!Matches(text, tokens, i, entry.Tokens)) continue;
                int end = i + entry.Tokens.Length;
                int at = 0;
                while (at < spans.Count && spans[at].End <= i) at++;
                // Yielding, a name the tagger already found whole, with the label listed, keeps the tagger's score.
                if (yieldToLonger && (ReachesBeyond(spans, at, i, end) || (at < spans.Count && spans[at] == new TaggedSpan(i, end, entry.Label)))) break;
                while (at < spans.Count && spans[at].First < end) spans.RemoveAt(at);
                spans.Insert(at, new TaggedSpan(i, end, entry.Label, Listed: true));
                i = end - 1;
                break;
            }
        }
    }

    private static bool ReachesBeyond(List<TaggedSpan> spans, int at, int first, int end)
    {
        for (int k = at; k < spans.Count && spans[k].First < end; k++)
            if (spans[k].First < first || spans[k].End > end) return true;
        return false;
    }

    private static bool Matches(string text, ReadOnlySpan<Token> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Length) return false;
        for (int k = 1; k < words.Length; k++)
        {
            if (!tokens[start + k].Of(text).SequenceEqual(words[k])) return false;
        }
        return true;
    }
}
