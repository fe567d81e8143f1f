namespace Extractor.Knowledge;

/// <summary>
/// The small word lists behind the name conventions of <c>docs/annotation-guidelines.md</c>: name particles,
/// Arabic articles and openers, ship prefixes, vessel nouns, organization head words, byline desk words and names of God.
/// </summary>
/// <remarks>Hand-written lists under <c>Resources/names/</c>, each file saying how it is matched; every check takes
/// a token span and never allocates. Immutable and shared.</remarks>
internal sealed class NameWords
{
    private const string Prefix = "Extractor.Resources.names.";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _particles;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _patronymics;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _openers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _suffixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _shipPrefixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _vesselNouns;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _organizationHeads;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _deskWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _deities;
    private readonly string[] _attachedArticles;

    private NameWords()
    {
        _particles = Lookup("particles.txt", StringComparer.OrdinalIgnoreCase);
        _patronymics = Lookup("patronymics.txt", StringComparer.Ordinal);
        _openers = Lookup("name_openers.txt", StringComparer.Ordinal);
        _suffixes = Lookup("name_suffixes.txt", StringComparer.Ordinal);
        _shipPrefixes = Lookup("ship_prefixes.txt", StringComparer.Ordinal);
        _vesselNouns = Lookup("vessel_nouns.txt", StringComparer.Ordinal);
        _organizationHeads = Lookup("organization_heads.txt", StringComparer.Ordinal);
        _deskWords = Lookup("outlet_desks.txt", StringComparer.OrdinalIgnoreCase);
        _deities = Lookup("deities.txt", StringComparer.Ordinal);
        _attachedArticles = EmbeddedResources.ReadList(Prefix + "attached_articles.txt");
    }

    /// <summary>The shipped lists.</summary>
    public static NameWords Default => LazyDefault.Value;

    private static readonly Lazy<NameWords> LazyDefault = new(() => new NameWords());

    /// <summary>A lowercase patronymic particle (<c>bin</c>, <c>ibn</c>): the capitalized word before it is a given name.</summary>
    public bool IsPatronymic(ReadOnlySpan<char> word) => _patronymics.Contains(word);

    /// <summary>A particle inside a name: <c>bin</c>, <c>van</c>, <c>de</c>, <c>Al</c> (any case).</summary>
    public bool IsParticle(ReadOnlySpan<char> word) => _particles.Contains(word);

    /// <summary>A word that opens an Arabic name: <c>Abu</c>, <c>Umm</c>, <c>Bin</c> (as written).</summary>
    public bool IsOpener(ReadOnlySpan<char> word) => _openers.Contains(word);

    /// <summary>A generational suffix: <c>Jr.</c>, <c>III</c> (as written).</summary>
    public bool IsSuffix(ReadOnlySpan<char> word) => _suffixes.Contains(word);

    /// <summary>A ship-name prefix: <c>USS</c>, <c>HMS</c>, <c>INS</c> (as written).</summary>
    public bool IsShipPrefix(ReadOnlySpan<char> word) => _shipPrefixes.Contains(word);

    /// <summary>A lowercase vessel noun: <c>destroyer</c>, <c>tanker</c>.</summary>
    public bool IsVesselNoun(ReadOnlySpan<char> word) => _vesselNouns.Contains(word);

    /// <summary>A transliterated word that heads organization names: <c>Jaish</c>, <c>Ansar</c>, <c>Hizb</c>.</summary>
    public bool IsOrganizationHead(ReadOnlySpan<char> word) => _organizationHeads.Contains(word);

    /// <summary>A byline word after an outlet's name: <c>Desk</c>, <c>Newsroom</c>, <c>Political</c> (any case).</summary>
    public bool IsDeskWord(ReadOnlySpan<char> word) => _deskWords.Contains(word);

    /// <summary>A name of God used alone (D1).</summary>
    public bool IsDeity(ReadOnlySpan<char> word) => _deities.Contains(word);

    /// <summary>True for a word that ends an outlet's byline: <c>Desk</c> or <c>Newsroom</c> (not <c>Staff</c>, which
    /// ends <c>Joint Chiefs of Staff</c>).</summary>
    public static bool EndsByline(ReadOnlySpan<char> word) =>
        word.Equals("Desk", StringComparison.OrdinalIgnoreCase) || word.Equals("Newsroom", StringComparison.OrdinalIgnoreCase);

    /// <summary>A name part with a joined Arabic article: <c>al-Baghdadi</c>, <c>Al-Sisi</c>, <c>ash-Shaibani</c>.</summary>
    public bool HasAttachedArticle(ReadOnlySpan<char> word)
    {
        foreach (string article in _attachedArticles)
        {
            if (word.Length > article.Length && word.StartsWith(article, StringComparison.OrdinalIgnoreCase) && char.IsUpper(word[article.Length]))
                return true;
        }
        return false;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(string file, StringComparer comparer) =>
        new HashSet<string>(EmbeddedResources.ReadList(Prefix + file), comparer).GetAlternateLookup<ReadOnlySpan<char>>();
}
