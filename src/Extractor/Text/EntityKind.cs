namespace Extractor.Text;

/// <summary>What a resolved entity is: the model's four labels, with countries split out of locations.</summary>
public enum EntityKind : byte
{
    /// <summary>A person (from a PER span).</summary>
    Person,
    /// <summary>An organization (from an ORG span that is not a country name).</summary>
    Organization,
    /// <summary>A country or territory from the ISO 3166-1 table.</summary>
    Country,
    /// <summary>Any other location (a LOC span that is not a country name).</summary>
    Location,
    /// <summary>Other names: events, products, nationalities when demonyms are not resolved.</summary>
    Misc,
}

/// <summary>The names of <see cref="EntityKind"/> values: in output records, and as users ask for them.</summary>
public static class EntityKinds
{
    /// <summary>The spellings a user may ask for, case-insensitive, and the kinds each stands for: singular and
    /// plural, British and American, CoNLL's short forms, the output names, and <c>all</c>.</summary>
    private static readonly Dictionary<string, EntityKind[]> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = [EntityKind.Person],
        ["people"] = [EntityKind.Person],
        ["per"] = [EntityKind.Person],
        ["organization"] = [EntityKind.Organization],
        ["organisation"] = [EntityKind.Organization],
        ["org"] = [EntityKind.Organization],
        ["country"] = [EntityKind.Country],
        ["countries"] = [EntityKind.Country],
        ["location"] = [EntityKind.Location],
        ["loc"] = [EntityKind.Location],
        ["misc"] = [EntityKind.Misc],
        ["all"] = Enum.GetValues<EntityKind>(),
    };

    /// <summary>The main spellings, for help and errors (the others are their plurals and CoNLL's short forms).</summary>
    public static IReadOnlyList<string> MainSpellings { get; } = ["person", "organization", "country", "location", "misc", "all"];

    /// <summary>The kinds named in <paramref name="lists"/>, each a comma-separated list of spellings; an error
    /// (naming the accepted spellings) for an unknown name or when none is given.</summary>
    public static IReadOnlySet<EntityKind> ParseLists(IEnumerable<string> lists, out string? error)
    {
        var kinds = new HashSet<EntityKind>();
        error = null;
        foreach (var name in lists.SelectMany(list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (TryParse(name, out var meant)) kinds.UnionWith(meant);
            else error ??= $"unknown type '{name}' (use {string.Join(", ", MainSpellings)})";
        }
        if (kinds.Count == 0) error ??= $"no type given (use {string.Join(", ", MainSpellings)})";
        return kinds;
    }

    /// <summary>The kinds that <paramref name="name"/> stands for (<c>people</c>, <c>ORG</c>, <c>all</c>…), or false when it names none.</summary>
    public static bool TryParse(string name, out IReadOnlyList<EntityKind> kinds)
    {
        bool found = Spellings.TryGetValue(name, out var meant);
        kinds = meant ?? [];
        return found;
    }

    /// <summary>The output name: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC. Part of the output schema.</summary>
    /// <remarks>Spelled out rather than <c>ToString().ToUpperInvariant()</c> so renaming an enum member cannot change output.</remarks>
    public static string ToOutputName(this EntityKind kind) => kind switch
    {
        EntityKind.Person => "PERSON",
        EntityKind.Organization => "ORGANIZATION",
        EntityKind.Country => "COUNTRY",
        EntityKind.Location => "LOCATION",
        EntityKind.Misc => "MISC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };
}
