using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>
/// Turns a tagged document's mentions into resolved mentions — countries with ISO codes, people and
/// organizations under one canonical name per document — and groups them into document entities.
/// </summary>
/// <remarks>
/// <para>Resolution overview (the model decides <em>whether</em> a span is an entity; this type only decides
/// <em>which</em> one, so the country table is never run over free text):</para>
/// <list type="bullet">
/// <item>LOC: a span whose text is a country name or alias (<see cref="CountryTable.TryResolveName"/>) is that
/// country; any other LOC is a <see cref="EntityKind.Location"/> named by its surface.</item>
/// <item>ORG and MISC: a span whose <em>whole</em> text, after stripping a leading "the" and a possessive, is a
/// country NAME or ALIAS — never a demonym — is that country (<c>the U.S. said</c> tagged ORG; <c>U.S.</c> tagged
/// MISC). <c>American</c> is a demonym, so it is not the country by this rule.</item>
/// <item>MISC demonyms (<c>Israeli</c>, <c>Palestinians</c>) become country mentions only with
/// <see cref="ResolutionOptions.Demonyms"/>; the mention keeps the demonym as its text.</item>
/// <item>PER spans never become countries (<c>Jordan</c> the person stays a person); see
/// <see cref="PersonNames"/> for titles and surname merging.</item>
/// <item>ORG names: see <see cref="OrganizationNames"/> for "the", acronyms and country prefixes.</item>
/// </list>
/// <para>Immutable and thread-safe: all per-document state lives in locals of <see cref="Resolve(string, IReadOnlyList{Mention})"/>.</para>
/// </remarks>
internal sealed class EntityResolver
{
    private readonly CountryTable _countries;
    private readonly PersonNames _persons;
    private readonly Gazetteers _gazetteers;
    private readonly Capitals _capitals = Capitals.Default;

    /// <summary>A resolver over the shipped country table and title list.</summary>
    public EntityResolver(ResolutionOptions options)
        : this(options, CountryTable.Default, Gazetteers.Default)
    {
    }

    internal EntityResolver(ResolutionOptions options, CountryTable countries, Gazetteers gazetteers)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _countries = countries;
        _persons = new PersonNames(new TitlePhrases(gazetteers.PersonTitlePhrases, countries));
        _gazetteers = gazetteers;
    }

    private static readonly int LabelCount = Enum.GetValues<EntityLabel>().Length;

    /// <summary>The settings this resolver was built with.</summary>
    public ResolutionOptions Options { get; }

    /// <summary>Resolves the <paramref name="found"/> mentions of <paramref name="text"/>, in text order.</summary>
    public ResolvedMentionList Resolve(string text, IReadOnlyList<Mention> found) => Resolve(ResolutionText.Of(text), found);

    /// <summary>As <see cref="Resolve(string, IReadOnlyList{Mention})"/> on a text held compactly, read a window at a time.</summary>
    public ResolvedMentionList Resolve(CompactText text, IReadOnlyList<Mention> found) => Resolve(ResolutionText.Of(text), found);

    /// <summary>The resolution itself, reading the text, however it is held, through <paramref name="text"/>.</summary>
    internal ResolvedMentionList Resolve(ResolutionText text, IReadOnlyList<Mention> found)
    {
        // The tagger finds mentions in text order already; sorting is for other callers, and costs a copy and keys.
        Mention[] mentions = InTextOrder(found) ? found as Mention[] ?? [.. found] : [.. found.OrderBy(m => m.Start).ThenBy(m => m.End)];
        var resolved = new ResolvedMentionList(mentions);
        // A span resolves by its label and surface alone, so each distinct surface is resolved once per document, and
        // every later rule works on that row: a 20 MB text held 347,000 mentions, most of them a few hundred names.
        var seen = new Dictionary<string, int>[LabelCount];
        for (int i = 0; i < mentions.Length; i++)
        {
            Mention m = mentions[i];
            var bySurface = seen[(int)m.Label] ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var lookup = bySurface.GetAlternateLookup<ReadOnlySpan<char>>();
            var surface = text.Surface(m);
            if (!lookup.TryGetValue(surface, out int row))
            {
                var first = ResolveSpan(surface.ToString(), m);
                row = resolved.AddRow(first);
                bySurface[first.Text] = row;
            }
            resolved.Use(i, row);
        }

        // Rows are in order of their first mention, so a name's first row comes in the order of its first mention:
        // the name rules see the same distinct names, in the same order, as over every mention.
        List<string> personNames = NamesOf(resolved, EntityKind.Person);
        Dictionary<string, string> persons = _persons.CanonicalNames(personNames);
        var governments = CapitalsAsGovernments(text, resolved, personNames, persons);
        Dictionary<string, string> organizations = OrganizationNames.CanonicalNames(NamesOf(resolved, EntityKind.Organization), _countries);
        for (int row = 0; row < resolved.RowCount; row++)
        {
            ResolvedMention r = resolved.Row(row);
            if (Options.UserLexicon is { } lexicon && lexicon.TryGet(r.Text, out _)) continue;
            Dictionary<string, string>? map = r.Kind switch
            {
                EntityKind.Person => persons,
                EntityKind.Organization => organizations,
                _ => null,
            };
            if (map is not null && map.TryGetValue(r.Name, out string? canonical))
            {
                resolved.SetRow(row, r with { Name = canonical });
            }
            else if (r.Kind == EntityKind.Person && governments is not null && governments.Contains(r.Name))
            {
                resolved.SetRow(row, r with { Kind = EntityKind.Location });
            }
        }
        AttachRoles(text, resolved);
        return resolved;
    }

    /// <summary>Gives each person mention with a role a row of its own resolution with that role: one row per distinct
    /// (resolution, role, affiliation), as most repeats of a name have none or the same.</summary>
    private static void AttachRoles(ResolutionText text, ResolvedMentionList resolved)
    {
        var roles = text.Roles(resolved);
        if (roles.Count == 0) return;
        var withRole = new Dictionary<(int Row, string Role, string Affiliation), int>();
        foreach (var (index, role, affiliation) in roles)
        {
            int row = resolved.RowOf(index);
            if (!withRole.TryGetValue((row, role, affiliation), out int roleRow))
            {
                roleRow = resolved.AddRow(resolved.Row(row) with { Role = role, Affiliation = affiliation });
                withRole.Add((row, role, affiliation), roleRow);
            }
            resolved.Use(index, roleRow);
        }
    }

    /// <summary>
    /// Guideline C1: person names that are a capital's name (<c>Washington has ongoing discussions…</c>) are the
    /// capital standing for its government, a location; unless a title stands before a mention (<c>Mr. Washington</c>)
    /// or another person of the document ends with the name (<c>Denzel Washington</c>). Null when there are none.
    /// </summary>
    private HashSet<string>? CapitalsAsGovernments(ResolutionText text, ResolvedMentionList resolved, List<string> personNames, Dictionary<string, string> persons)
    {
        HashSet<string>? names = null;
        foreach (string name in personNames)
        {
            if (!persons.ContainsKey(name) && _capitals.Contains(name)) (names ??= new(StringComparer.Ordinal)).Add(name);
        }
        if (names is null) return null;
        names.RemoveWhere(capital => personNames.Exists(name => name.Length > capital.Length && name.EndsWith(" " + capital, StringComparison.Ordinal)));
        foreach (ResolvedMention r in resolved)
        {
            if (r.Kind == EntityKind.Person && names.Contains(r.Name) && _gazetteers.IsPersonTitle(text.WordBefore(r.Mention.Start))) names.Remove(r.Name);
        }
        return names.Count == 0 ? null : names;
    }

    private static bool InTextOrder(IReadOnlyList<Mention> mentions)
    {
        for (int i = 1; i < mentions.Count; i++)
        {
            if (mentions[i].Start < mentions[i - 1].Start || (mentions[i].Start == mentions[i - 1].Start && mentions[i].End < mentions[i - 1].End)) return false;
        }
        return true;
    }

    /// <summary>Groups resolved mentions by (kind, canonical name); entities are ordered by first mention.</summary>
    public static IReadOnlyList<DocumentEntity> Group(IReadOnlyList<ResolvedMention> mentions) => EntityGrouping.Group(mentions);

    /// <summary>Resolves one span on its own; cross-mention merging happens afterwards in <see cref="Resolve(string, IReadOnlyList{Mention})"/>.</summary>
    private ResolvedMention ResolveSpan(string surface, Mention mention)
    {
        if (Options.UserLexicon is { } lexicon && lexicon.TryGet(surface, out var entry))
            return new ResolvedMention(mention, entry.Kind, surface, entry.Name, entry.Code);
        string cleaned = SurfaceText.StripPossessive(SurfaceText.Clean(surface));
        switch (mention.Label)
        {
            case EntityLabel.Person:
                return new ResolvedMention(mention, EntityKind.Person, surface, _persons.StripTitles(cleaned), "");
            case not EntityLabel.Person when CountryCompound(cleaned) is { } compound:
                return CountryMention(mention, surface, compound);
            case EntityLabel.Location:
                if (_countries.TryResolveName(cleaned, out Country? place))
                {
                    return CountryMention(mention, surface, place);
                }
                return new ResolvedMention(mention, EntityKind.Location, surface, StripLowercaseThe(cleaned), "");
            case EntityLabel.Organization:
                if (_countries.TryResolveName(cleaned, out Country? named))
                {
                    return CountryMention(mention, surface, named);
                }
                return new ResolvedMention(mention, EntityKind.Organization, surface, OrganizationNames.WithoutByline(SurfaceText.StripLeadingThe(cleaned)), "");
            default:
                if (_countries.TryResolveName(cleaned, out Country? country)
                    || (Options.Demonyms && _countries.TryResolveDemonym(cleaned, out country)))
                {
                    return CountryMention(mention, surface, country);
                }
                return new ResolvedMention(mention, EntityKind.Misc, surface, cleaned, "");
        }
    }

    /// <summary>Guideline K2: <c>U.S.-led</c>, <c>UK-based</c>, <c>Iran-backed</c> (a country name or alias, a hyphen,
    /// a lowercase word) mention the country. A demonym before the hyphen does not (<c>Iranian-backed</c>).</summary>
    private Country? CountryCompound(string cleaned)
    {
        int hyphen = cleaned.LastIndexOf('-');
        if (hyphen <= 0 || hyphen == cleaned.Length - 1 || cleaned.IndexOf(' ') >= 0) return null;
        foreach (char c in cleaned.AsSpan(hyphen + 1))
        {
            if (!char.IsLower(c)) return null;
        }
        return _countries.TryResolveName(cleaned.AsSpan(0, hyphen), out Country? country) ? country : null;
    }

    private static ResolvedMention CountryMention(Mention mention, string surface, Country country) =>
        new(mention, EntityKind.Country, surface, country.Name, country.Alpha2);

    /// <summary>Drops a lowercase "the " only: <c>the Gaza Strip</c> → <c>Gaza Strip</c>, but <c>The Hague</c> is a name.</summary>
    private static string StripLowercaseThe(string cleaned) =>
        cleaned.StartsWith("the ", StringComparison.Ordinal) && cleaned.Length > 4 ? cleaned[4..] : cleaned;

    /// <summary>The names of the rows of <paramref name="kind"/>, in row order (repeats included).</summary>
    private static List<string> NamesOf(ResolvedMentionList resolved, EntityKind kind)
    {
        var names = new List<string>();
        for (int row = 0; row < resolved.RowCount; row++)
        {
            ResolvedMention r = resolved.Row(row);
            if (r.Kind == kind) names.Add(r.Name);
        }
        return names;
    }
}
