using Extractor.Knowledge;
using Extractor.Recognition;
using Extractor.Resolution;

namespace Extractor.Tests.Resolution;

/// <summary>
/// The indexed name grouping (linear in the names) against the pairwise comparison it replaced (quadratic: 37 s for
/// 120,000 distinct person names in one document), on seeded random name lists built to collide: shared surnames,
/// chains of longer forms, headline capitals, acronyms and country prefixes.
/// </summary>
public class NameIndexPropertyTests
{
    // Few words, so that names share tails, initials and country prefixes often.
    private static readonly string[] Words = ["Marco", "Rubio", "Donald", "J.", "Trump", "al-Thani", "bin", "Smith"];
    private static readonly string[] OrgWords = ["National", "Naval", "Security", "Service", "Council", "of", "Bank"];
    private static readonly string[] Countries = ["U.S.", "British", "Israeli", "Qatar", "China"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PersonNames_SameMapAsPairwise(int seed)
    {
        var random = new Random(seed);
        var persons = new PersonNames(TitlePhrases.Default);
        for (int round = 0; round < 300; round++)
        {
            var names = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomName(random, Words, 4)).ToList();

            Assert.Equal(Sorted(PairwisePersons(names)), Sorted(persons.CanonicalNames(names)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OrganizationNames_SameMapAsPairwise(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 300; round++)
        {
            var names = Enumerable.Range(0, random.Next(1, 25)).Select(_ => random.Next(5) switch
            {
                0 => string.Concat(RandomName(random, OrgWords, 3).Split(' ').Where(w => char.IsUpper(w[0])).Select(w => w[0])),
                1 => Countries[random.Next(Countries.Length)] + " " + RandomName(random, OrgWords, 3),
                _ => RandomName(random, OrgWords, 3),
            }).ToList();

            Assert.Equal(Sorted(PairwiseOrganizations(names, CountryTable.Default)), Sorted(OrganizationNames.CanonicalNames(names, CountryTable.Default)));
        }
    }

    private static string RandomName(Random random, string[] words, int most)
    {
        var name = string.Join(' ', Enumerable.Range(0, random.Next(1, most + 1)).Select(_ => words[random.Next(words.Length)]));
        return random.Next(3) == 0 ? name.ToUpperInvariant() : name;
    }

    private static List<KeyValuePair<string, string>> Sorted(Dictionary<string, string> map) => [.. map.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The grouping as it was written before the index: every short name against every other name.</summary>
    private static Dictionary<string, string> PairwisePersons(IReadOnlyList<string> names)
    {
        string[][] distinct = names.Distinct(StringComparer.Ordinal).Select(n => n.Split(' ')).ToArray();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string[] shortName in distinct)
        {
            bool capitals = SurfaceText.IsAllCaps(string.Join(' ', shortName));
            var comparer = capitals ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var longer = distinct
                .Where(l => (l.Length > shortName.Length || (capitals && l.Length == shortName.Length && !SurfaceText.IsAllCaps(string.Join(' ', l))))
                    && l.AsSpan(l.Length - shortName.Length).SequenceEqual(shortName, comparer))
                .ToList();
            var maximal = longer.Where(l => !longer.Any(o => o.Length > l.Length && o.AsSpan(o.Length - l.Length).SequenceEqual(l, comparer))).ToList();
            if (maximal.Count == 1) map[string.Join(' ', shortName)] = string.Join(' ', maximal[0]);
        }
        return map;
    }

    /// <summary>The organization grouping as it was written before the index.</summary>
    private static Dictionary<string, string> PairwiseOrganizations(IReadOnlyList<string> names, CountryTable countries)
    {
        string[] distinct = names.Distinct(StringComparer.Ordinal).ToArray();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in distinct)
        {
            string? letters = OrganizationNames.AcronymLetters(name);
            string[] expansions = letters is null ? [] : distinct.Where(n => OrganizationNames.Initials(n) == letters).ToArray();
            string expanded = expansions.Length == 1 ? expansions[0] : name;
            string suffix = " " + expanded;
            string[] prefixed = distinct.Where(n => n.Length > suffix.Length && n.EndsWith(suffix, StringComparison.Ordinal)
                && countries.TryResolveName(n.AsSpan(0, n.Length - suffix.Length), out _)).ToArray();
            string canonical = prefixed.Length == 1 ? prefixed[0] : expanded;
            if (canonical != name) map[name] = canonical;
        }
        return map;
    }
}
