namespace Extractor.Knowledge;

/// <summary>
/// The designated terrorist organizations of <c>Resources/knowledge/designated_organizations.txt</c> (source, date and
/// selection rule in that file and in the model card), as a lexicon of organizations for rule O5.
/// </summary>
/// <remarks>News since 2014 names these groups constantly (<c>Daesh</c>, <c>ISIL</c>, <c>al-Qaida</c>), and the 1996
/// training data never does: the tagger took <c>Daesh</c> for a person. A list cannot learn, so it is matched the way
/// a user's lexicon is, as written; a name the tagger reads as longer stands. A straight apostrophe in a listed name
/// also matches the typographic one (<c>Da’esh</c>), which news text mostly uses.</remarks>
internal static class DesignatedOrganizations
{
    /// <summary>The shipped list.</summary>
    public static UserLexicon Default => LazyDefault.Value;

    private static readonly Lazy<UserLexicon> LazyDefault = new(Load);

    private static UserLexicon Load()
    {
        var names = EmbeddedResources.ReadList("Extractor.Resources.knowledge.designated_organizations.txt");
        var lines = names.Concat(names.Where(n => n.Contains('\'')).Select(n => n.Replace('\'', '\u2019')))
            .Select(n => n + "\tORGANIZATION");
        return UserLexicon.Read([("designated_organizations.txt", new StringReader(string.Join('\n', lines)))], CountryTable.Default);
    }
}
