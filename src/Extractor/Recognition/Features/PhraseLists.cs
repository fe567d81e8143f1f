using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Recognition.Features;

/// <summary>
/// Named lists of multi-word names (world places, subdivisions…) compiled for matching at every token, in the style
/// of Ratinov &amp; Roth (2009): each token learns, per list, whether it begins, continues, ends or is the whole of the
/// longest listed name at that point. Lists stay separate so the model learns how far to trust each one.
/// </summary>
/// <remarks>
/// A name is stored as the hash of its tokens (as <see cref="Tokenizer"/> splits it) folded to lowercase without
/// diacritics, so "Kandahār" matches "Kandahar" and "KANDAHAR", and names with an Arabic article are stored with
/// the article dropped and joined (<c>Al Fallūjah</c>: also <c>Fallujah</c> and <c>al-Fallujah</c>). The table is an
/// open-addressing array of (hash, list bits), stored in the model as it is used: loading it is one copy, and a look-up
/// allocates nothing.
/// </remarks>
internal sealed class PhraseLists
{
    /// <summary>The most tokens a listed name may have.</summary>
    public const int MaxTokens = 6;

    /// <summary>The most lists: each token keeps 4 bits per list in a 64-bit field.</summary>
    public const int MaxLists = 16;

    private const uint PrefixBit = 1u << 31;
    private static readonly string[] ArabicArticles = ["al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ath", "adh", "ad-"];

    private readonly Block<ulong> _keys;
    private readonly Block<uint> _values;
    private readonly int _mask;

    /// <summary>Lists from their stored form (see <see cref="Keys"/> and <see cref="Values"/>).</summary>
    public PhraseLists(IReadOnlyList<string> names, IReadOnlyList<int> counts, Block<ulong> keys, Block<uint> values)
    {
        if (names.Count > MaxLists) throw new ArgumentException($"at most {MaxLists} lists", nameof(names));
        if (keys.Length != values.Length || keys.Length == 0 || (keys.Length & (keys.Length - 1)) != 0)
            throw new ArgumentException("the table must be a power of two long, keys and values alike", nameof(keys));
        // A lookup ends at an empty slot.
        if (!keys.Span.Contains(0UL)) throw new ArgumentException("the table has no empty slot", nameof(keys));
        Names = names;
        Counts = counts;
        _keys = keys;
        _values = values;
        _mask = keys.Length - 1;
    }

    /// <summary>The lists' names, in feature order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many names (before spelling variants) each list holds.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The open-addressing table's keys (0 = empty slot), for the model file.</summary>
    public ReadOnlySpan<ulong> Keys => _keys.Span;

    /// <summary>The table's values: one bit per list holding the name, and the top bit when a longer name continues it.</summary>
    public ReadOnlySpan<uint> Values => _values.Span;

    /// <summary>Compiles lists of names, one name per entry, tokenized as the tagger tokenizes text.</summary>
    public static PhraseLists Compile(IReadOnlyList<(string Name, IEnumerable<string> Entries)> lists, Tokenizer tokenizer)
    {
        if (lists.Count > MaxLists) throw new ArgumentException($"at most {MaxLists} lists", nameof(lists));
        var table = new Dictionary<ulong, uint>();
        var counts = new int[lists.Count];
        var tokens = new List<Token>();
        for (int l = 0; l < lists.Count; l++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in lists[l].Entries)
            {
                string name = entry.Trim();
                if (name.Length == 0 || !seen.Add(name)) continue;
                counts[l]++;
                foreach (var variant in Variants(name))
                {
                    tokens.Clear();
                    tokenizer.Tokenize(variant, tokens);
                    if (tokens.Count == 0 || tokens.Count > MaxTokens) continue;
                    ulong h = 0;
                    for (int k = 0; k < tokens.Count; k++)
                    {
                        h = Extend(h, Fold(tokens[k].Of(variant)));
                        ref uint value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(table, h, out _);
                        value |= k == tokens.Count - 1 ? 1u << l : PrefixBit;
                    }
                }
            }
        }
        int size = 1;
        while (size < table.Count * 2) size <<= 1;
        var keys = new ulong[size];
        var values = new uint[size];
        foreach (var (key, value) in table.OrderBy(p => p.Key))
        {
            int slot = (int)(key & (ulong)(size - 1));
            while (keys[slot] != 0) slot = (slot + 1) & (size - 1);
            keys[slot] = key;
            values[slot] = value;
        }
        return new PhraseLists([.. lists.Select(x => x.Name)], counts, keys, values);
    }

    /// <summary>Compiles list files given as <c>NAME=FILE</c> (one name per line, UTF-8; lines starting with # are comments).</summary>
    /// <exception cref="FormatException">A spec is not NAME=FILE, or names repeat.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static PhraseLists ReadFiles(IReadOnlyList<string> specs, Tokenizer tokenizer)
    {
        var lists = new List<(string, IEnumerable<string>)>();
        foreach (var spec in specs)
        {
            int eq = spec.IndexOf('=');
            if (eq <= 0 || eq == spec.Length - 1) throw new FormatException($"--list: '{spec}' is not NAME=FILE");
            string name = spec[..eq], path = spec[(eq + 1)..];
            if (lists.Any(l => l.Item1 == name)) throw new FormatException($"--list: the name '{name}' is given twice");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such list file", path);
            lists.Add((name, StrictText.ReadLines(path, path).Where(line => !line.StartsWith('#')).ToArray()));
        }
        return Compile(lists, tokenizer);
    }

    /// <summary>The spellings stored for one name: as listed, and for a name that starts with an Arabic article,
    /// without it and with it hyphen-joined to the next word, as news writes them.</summary>
    private static IEnumerable<string> Variants(string name)
    {
        yield return name;
        int space = name.IndexOfAny([' ', '-']);
        if (space <= 0 || space == name.Length - 1) yield break;
        string first = name[..space].ToLowerInvariant();
        if (Array.IndexOf(ArabicArticles, first) < 0) yield break;
        string rest = name[(space + 1)..];
        yield return rest;
        yield return name[..space] + "-" + rest;
    }

    /// <summary>The list bits of the name whose token hashes, extended one by one, give <paramref name="key"/>; and
    /// whether a longer listed name continues it.</summary>
    public uint Find(ulong key, out bool longer)
    {
        int slot = (int)(key & (ulong)_mask);
        var keys = _keys.Span;
        while (true)
        {
            ulong k = keys[slot];
            if (k == key)
            {
                uint value = _values.Span[slot];
                longer = (value & PrefixBit) != 0;
                return value & ~PrefixBit;
            }
            if (k == 0)
            {
                longer = false;
                return 0;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The running hash of a name after one more token (never 0, the empty slot).</summary>
    public static ulong Extend(ulong h, ulong token) => StableHash.Mix(h * 0x9E3779B97F4A7C15UL + token) | 1;

    /// <summary>The hash of a token folded to lowercase without diacritics (<c>Kandahār</c>, <c>KANDAHAR</c> → <c>kandahar</c>).</summary>
    public static ulong Fold(ReadOnlySpan<char> token)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in token) h = (h ^ FoldChar(c)) * 1099511628211UL;
        return StableHash.Mix(h);
    }

    private static char FoldChar(char c) => c switch
    {
        < '\u00C0' => char.ToLowerInvariant(StableHash.Normalize(c)),
        < '\u0250' => Latin[c - 0xC0],
        >= '\u1E00' and < '\u1F00' => LatinAdditional[c - 0x1E00],
        _ => char.ToLowerInvariant(StableHash.Normalize(c)),
    };

    // The base letters of U+00C0–U+024F and U+1E00–U+1EFF, lowercased (Unicode canonical decomposition's first
    // character, plus ø đ ł ı, which do not decompose), written out because the tool runs with invariant
    // globalization, where string.Normalize does not decompose.
    private const string Latin = "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7ouuuuy\u00FE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7ouuuuy\u00FEyaaaaaaccccccccddddeeeeeeeeeegggggggghh\u0127\u0127iiiiiiiiii\u0133\u0133jjkk\u0138llllll\u0140\u0140llnnnnnn\u0149\u014B\u014Boooooo\u0153\u0153rrrrrrsssssssstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzz\u017F\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259\u025B\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275oo\u01A3\u01A3\u01A5\u01A5\u0280\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288uu\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaaaa\u00E6\u00E6\u01E5\u01E5ggkkoooo\u0292\u0292j\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u00E6\u00E6\u00F8\u00F8aaaaeeeeiiiioooorrrruuuusstt\u021D\u021Dhh\u019E\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F";

    private const string LatinAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\u1E9A\u017F\u1E9C\u1E9D\u00DF\u1E9Faaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\u1EFB\u1EFB\u1EFD\u1EFD\u1EFF\u1EFF";
}
