namespace Extractor.Knowledge;

/// <summary>
/// The word lists behind the role rules of <c>docs/annotation-guidelines.md</c> (R1 to R3): honorifics (never a role),
/// modifiers that stay part of a role (<c>former</c>, <c>acting</c>), the nouns an appositive role ends with
/// (<c>chief executive</c>, <c>secretary-general</c>), and the full names of organizations known by a short form (R4).
/// </summary>
/// <remarks>Hand-written lists under <c>Resources/roles/</c>; every check ignores case and a final period. Immutable and shared.</remarks>
internal sealed class RoleWords
{
    private const string Prefix = "Extractor.Resources.roles.";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _honorifics;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _modifiers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _heads;
    private readonly Dictionary<string, string> _shortNames;

    private RoleWords()
    {
        _honorifics = Lookup("honorifics.txt");
        _modifiers = Lookup("modifiers.txt");
        _heads = Lookup("role_heads.txt");
        _shortNames = EmbeddedResources.ReadList(Prefix + "organization_short_names.tsv")
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => columns[0], columns => columns[1], StringComparer.Ordinal);
    }

    /// <summary>The shipped lists.</summary>
    public static RoleWords Default => LazyDefault.Value;

    private static readonly Lazy<RoleWords> LazyDefault = new(() => new RoleWords());

    /// <summary>A courtesy word or phrase (<c>Mr.</c>, <c>Sheikh</c>, <c>His Excellency</c>), never a role.</summary>
    public bool IsHonorific(ReadOnlySpan<char> phrase) => _honorifics.Contains(phrase.TrimEnd('.'));

    /// <summary>A word that qualifies a role and stays part of it (<c>former</c>, <c>acting</c>, <c>deputy</c>).</summary>
    public bool IsModifier(ReadOnlySpan<char> word) => _modifiers.Contains(word.TrimEnd('.'));

    /// <summary>A noun an appositive role may end with (<c>executive</c>, <c>spokesman</c>).</summary>
    public bool IsHead(ReadOnlySpan<char> word) => _heads.Contains(word.TrimEnd('.'));

    /// <summary>The full name of an organization news names by a short form alone (<c>EU</c> → <c>European Union</c>), or the name itself.</summary>
    public string FullName(string name) => _shortNames.TryGetValue(name, out string? full) ? full : name;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(string file) =>
        new HashSet<string>(EmbeddedResources.ReadList(Prefix + file).Select(w => w.TrimEnd('.')), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
}
