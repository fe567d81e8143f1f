using Extractor.Knowledge;
using Extractor.Recognition;
using Extractor.Tests.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Recognition;

// Lives beside the resolution tests because the country and title data it checks are shared with them.
public class GazetteersTests
{
    private static readonly Gazetteers G = Gazetteers.Default;

    [Theory]
    [InlineData("Marco", true)]
    [InlineData("Tamim", true)]
    [InlineData("Volodymyr", true)]
    [InlineData("Xochitl", true)]
    [InlineData("Chimamanda", true)]
    [InlineData("MARCO", true)]
    [InlineData("marco", false)]
    [InlineData("grace", false)]
    [InlineData("Ministry", false)]
    public void IsFirstName(string token, bool expected) => Assert.Equal(expected, G.IsFirstName(token));

    [Theory]
    [InlineData("President", true)]
    [InlineData("president", true)]
    [InlineData("Gen.", true)]
    [InlineData("Sheikh", true)]
    [InlineData("Emir", true)]
    [InlineData("Prime Minister", false)]
    [InlineData("Marco", false)]
    public void IsPersonTitle_SingleTokensOnly(string token, bool expected) => Assert.Equal(expected, G.IsPersonTitle(token));

    [Fact]
    public void PersonTitlePhrases_IncludesMultiWordTitles_LongestFirst()
    {
        Assert.Contains("Secretary of State", G.PersonTitlePhrases);
        Assert.Contains("Prime Minister", G.PersonTitlePhrases);
        Assert.True(G.PersonTitlePhrases[0].Length >= G.PersonTitlePhrases[^1].Length);
    }

    [Theory]
    [InlineData("Inc", true)]
    [InlineData("GmbH", true)]
    [InlineData("plc", true)]
    [InlineData("Holdings", true)]
    [InlineData("River", false)]
    public void IsOrgSuffix(string token, bool expected) => Assert.Equal(expected, G.IsOrgSuffix(token));

    [Theory]
    [InlineData("Ministry", true)]
    [InlineData("Party", true)]
    [InlineData("FC", true)]
    [InlineData("department", true)]
    [InlineData("Strait", false)]
    public void IsOrgKeyword(string token, bool expected) => Assert.Equal(expected, G.IsOrgKeyword(token));

    [Theory]
    [InlineData("River", true)]
    [InlineData("Strait", true)]
    [InlineData("province", true)]
    [InlineData("Party", false)]
    public void IsLocationKeyword(string token, bool expected) => Assert.Equal(expected, G.IsLocationKeyword(token));

    [Theory]
    [InlineData("Qatar", true)]
    [InlineData("U.S.", true)]
    [InlineData("Türkiye", true)]
    [InlineData("TURKEY", true)]
    [InlineData("turkey", false)]
    [InlineData("chad", false)]
    [InlineData("United", false)]
    [InlineData("Israeli", false)]
    public void IsCountryName_SingleTokensCaseAsWritten(string token, bool expected) => Assert.Equal(expected, G.IsCountryName(token));

    [Theory]
    [InlineData("Israeli", true)]
    [InlineData("Palestinians", true)]
    [InlineData("French", true)]
    [InlineData("french", false)]
    [InlineData("Israel", false)]
    public void IsDemonym(string token, bool expected) => Assert.Equal(expected, G.IsDemonym(token));

    [Theory]
    [InlineData("in the United States today", 2, 2)]
    [InlineData("to Bosnia and Herzegovina now", 1, 3)]
    [InlineData("the U.S. said", 1, 1)]
    [InlineData("visit Guinea-Bissau soon", 1, 1)]
    [InlineData("from Côte d'Ivoire", 1, 2)]
    [InlineData("to Guinea today", 1, 1)]
    [InlineData("the United Nations", 1, 0)]
    [InlineData("a turkey dinner", 1, 0)]
    public void MatchCountryAt_ReturnsTokenCountOfLongestName(string text, int index, int expected)
    {
        Token[] tokens = TestDocuments.Build(text).Tokens;
        Assert.Equal(expected, G.MatchCountryAt(text, tokens, index));
    }

    [Fact]
    public void MatchCountryAt_TokenizerSplitsInsideName_StillMatches()
    {
        const string text = "visit Guinea-Bissau soon";
        Token[] tokens = [new(0, 5), new(6, 12), new(12, 13), new(13, 19), new(20, 24)];
        Assert.Equal(3, G.MatchCountryAt(text, tokens, 1));
    }

    [Fact]
    public void MatchCountryAt_IndexOutOfRange_ReturnsZero() => Assert.Equal(0, G.MatchCountryAt("Qatar", [new(0, 5)], 1));
}
