using Extractor.Knowledge;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Resolution;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Knowledge;

/// <summary>User lexicons (<c>--lexicon</c>): the TSV format, its errors, and matching that wins over the model.</summary>
public class UserLexiconTests
{
    private static UserLexicon Read(string tsv) =>
        UserLexicon.Read([("watch.tsv", new StringReader(tsv))], CountryTable.Default);

    private static List<(string Type, string Text, string Name, string Code, float Score)> Extract(string lexicon, string text)
    {
        var pipeline = new EntityPipeline(new PipelineOptions(ShippedModel.Model) { UserLexicon = Read(lexicon) });
        return pipeline.Analyze(text).Resolved
            .Select(r => (r.Kind.ToOutputName(), r.Text, r.Name, r.Code, r.Mention.Score)).ToList();
    }

    [Theory]
    [InlineData("IRGC", "ORGANIZATION\tIslamic Revolutionary Guard Corps", "IRGC", "ORGANIZATION", "Islamic Revolutionary Guard Corps", "")]
    [InlineData("Hodeidah", "LOCATION", "Hodeidah", "LOCATION", "Hodeidah", "")]
    [InlineData("Lashkar Gah", "loc", "Lashkar Gah", "LOCATION", "Lashkar Gah", "")]
    [InlineData("The Gulf State", "COUNTRY\tQA", "The Gulf State", "COUNTRY", "Qatar", "QA")]
    [InlineData("Ansar Allah", "ORG\tHouthis", "Ansar Allah", "ORGANIZATION", "Houthis", "")]
    [InlineData("Abu Mohammed al-Julani", "PERSON\tAhmed al-Sharaa", "Abu Mohammed al-Julani", "PERSON", "Ahmed al-Sharaa", "")]
    // Entries that start lowercase, with a digit or outside ASCII: the look-up passes over no token that could start one.
    [InlineData("al-Shabaab", "ORGANIZATION", "al-Shabaab", "ORGANIZATION", "al-Shabaab", "")]
    [InlineData("9th Brigade", "ORGANIZATION", "9th Brigade", "ORGANIZATION", "9th Brigade", "")]
    [InlineData("Øresund Group", "ORGANIZATION", "Øresund Group", "ORGANIZATION", "Øresund Group", "")]
    [InlineData("ʿAbd al-Malik", "PERSON", "ʿAbd al-Malik", "PERSON", "ʿAbd al-Malik", "")]
    public void Entry_IsFoundWithItsTypeAndCanonicalName(string surface, string rest, string text, string type, string name, string code)
    {
        var found = Extract($"{surface}\t{rest}\n", $"Officials said {text} was involved in the strike on Tuesday.");
        Assert.Contains((type, text, name, code, 1f), found);
    }

    [Fact]
    public void Entry_WinsOverTheModelWhereTheyOverlap()
    {
        const string text = "Fighting continued near Kandahar, Hodeidah and Lashkar Gah.";
        var found = Extract("Hodeidah\tLOCATION\nLashkar Gah\tLOCATION\n", text);
        Assert.DoesNotContain(found, f => f.Type is "PERSON" or "ORGANIZATION");
        Assert.Equal(["Kandahar", "Hodeidah", "Lashkar Gah"], found.Select(f => f.Text));
    }

    [Fact]
    public void Matching_IsCaseSensitiveAndOnWholeTokens()
    {
        var lexicon = "IRGC\tORGANIZATION\nGah\tLOCATION\n";
        Assert.DoesNotContain(Extract(lexicon, "The Irgc and the IRGCs were named."), f => f.Name == "IRGC");
        Assert.Contains(Extract(lexicon, "The IRGC was named."), f => f.Name == "IRGC" && f.Score == 1f);
    }

    [Fact]
    public void LongestEntry_Wins()
    {
        var found = Extract("Guard\tMISC\nRevolutionary Guard\tORGANIZATION\tIRGC\n", "The Revolutionary Guard fired.");
        Assert.Contains(("ORGANIZATION", "Revolutionary Guard", "IRGC", "", 1f), found);
    }

    [Theory]
    [InlineData("IRGC", "watch.tsv:1: expected 'surface<TAB>TYPE[<TAB>canonical]', found 1 column")]
    [InlineData("IRGC\tORG\tx\ty", "watch.tsv:1: expected 'surface<TAB>TYPE[<TAB>canonical]', found 4 columns")]
    [InlineData("# a comment\n\nIRGC\tGROUP", "watch.tsv:3: unknown type 'GROUP' (use PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC)")]
    [InlineData("IRGC\tall", "watch.tsv:1: unknown type 'all' (use PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC)")]
    [InlineData(" \tPERSON", "watch.tsv:1: the surface (first column) is empty")]
    [InlineData("Atlantis\tCOUNTRY", "watch.tsv:1: 'Atlantis' is not a country in the table; give its name or ISO alpha-2 code in the third column")]
    [InlineData("IRGC\tORG\nIRGC\tPERSON", "watch.tsv:2: 'IRGC' is already listed at watch.tsv:1 as ORGANIZATION 'IRGC'")]
    public void BadLine_IsNamedWithFileAndLine(string tsv, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => Read(tsv)).Message);

    [Fact]
    public void SameEntryTwice_IsAccepted() => Assert.Equal(1, Read("IRGC\tORG\nIRGC\tORGANIZATION\r\n").Count);
}
