using Extractor.Knowledge;
using Extractor.Resolution;

namespace Extractor.Tests.Resolution;

public class CountryTableTests
{
    private static readonly CountryTable Table = CountryTable.Default;

    [Fact]
    public void All_HasEveryIso3166Entry_PlusKosovo()
    {
        Assert.Equal(250, Table.All.Count);
        Assert.Equal(249, Table.All.Count(c => c.Alpha2 != "XK"));
        Assert.Contains(Table.All, c => c.Alpha2 == "XK" && c.Alpha3 == "XKX" && c.Name == "Kosovo");
    }

    [Fact]
    public void All_CodesAreUniqueAndWellFormed()
    {
        Assert.Equal(Table.All.Count, Table.All.Select(c => c.Alpha2).Distinct().Count());
        Assert.Equal(Table.All.Count, Table.All.Select(c => c.Alpha3).Distinct().Count());
        Assert.Equal(Table.All.Count, Table.All.Select(c => c.Name).Distinct().Count());
        Assert.All(Table.All, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Alpha2);
            Assert.Matches("^[A-Z]{3}$", c.Alpha3);
        });
    }

    [Fact]
    public void TryResolveName_EveryShortName_ResolvesToItsOwnCountry()
    {
        Assert.All(Table.All, c =>
        {
            Assert.True(Table.TryResolveName(c.Name, out Country? found), c.Name);
            Assert.Equal(c.Alpha2, found.Alpha2);
        });
    }

    [Fact]
    public void Entries_NoNameIsAlsoADemonym()
    {
        var names = Table.Entries.SelectMany(e => e.NamesAndAliases).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(Table.Entries.SelectMany(e => e.Demonyms), names.Contains);
    }

    [Theory]
    [InlineData("US", "USA", "United States")]
    [InlineData("GB", "GBR", "United Kingdom")]
    [InlineData("RU", "RUS", "Russia")]
    [InlineData("KR", "KOR", "South Korea")]
    [InlineData("KP", "PRK", "North Korea")]
    [InlineData("IR", "IRN", "Iran")]
    [InlineData("SY", "SYR", "Syria")]
    [InlineData("VN", "VNM", "Vietnam")]
    [InlineData("LA", "LAO", "Laos")]
    [InlineData("BO", "BOL", "Bolivia")]
    [InlineData("VE", "VEN", "Venezuela")]
    [InlineData("TZ", "TZA", "Tanzania")]
    [InlineData("MD", "MDA", "Moldova")]
    [InlineData("CZ", "CZE", "Czechia")]
    [InlineData("TR", "TUR", "Turkey")]
    [InlineData("PS", "PSE", "Palestine")]
    [InlineData("TW", "TWN", "Taiwan")]
    [InlineData("VA", "VAT", "Vatican City")]
    public void All_UsesNewsShortNames(string alpha2, string alpha3, string name) =>
        Assert.Contains(new Country(alpha2, alpha3, name), Table.All);

    [Theory]
    [InlineData("U.S.", "US")]
    [InlineData("US", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("America", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("the United States", "US")]
    [InlineData("UK", "GB")]
    [InlineData("U.K.", "GB")]
    [InlineData("Britain", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("Republic of Korea", "KR")]
    [InlineData("DPRK", "KP")]
    [InlineData("Russian Federation", "RU")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("UAE", "AE")]
    [InlineData("U.A.E.", "AE")]
    [InlineData("Burma", "MM")]
    [InlineData("Holy See", "VA")]
    [InlineData("Vatican", "VA")]
    [InlineData("DRC", "CD")]
    [InlineData("Congo-Kinshasa", "CD")]
    [InlineData("Holland", "NL")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("the Netherlands", "NL")]
    [InlineData("Qatar’s", "QA")]
    [InlineData("Qatar's", "QA")]
    [InlineData("Israel’s", "IL")]
    [InlineData("the Philippines'", "PH")]
    [InlineData("  United \n States ", "US")]
    [InlineData("Kosovo", "XK")]
    public void TryResolveName_Alias_ResolvesToCountry(string surface, string alpha2)
    {
        Assert.True(Table.TryResolveName(surface, out Country? country), surface);
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData("TURKEY", "TR")]
    [InlineData("CHAD", "TD")]
    [InlineData("UNITED STATES", "US")]
    [InlineData("QATAR'S", "QA")]
    [InlineData("THE NETHERLANDS", "NL")]
    public void TryResolveName_AllCaps_IgnoresCase(string surface, string alpha2)
    {
        Assert.True(Table.TryResolveName(surface, out Country? country), surface);
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData("turkey")]
    [InlineData("chad")]
    [InlineData("jordan")]
    [InlineData("georgia")]
    [InlineData("niger")]
    [InlineData("china")]
    [InlineData("guinea")]
    [InlineData("us")]
    [InlineData("Us")]
    [InlineData("united states")]
    [InlineData("Israeli")]
    [InlineData("American")]
    [InlineData("")]
    [InlineData("the")]
    [InlineData("State Department")]
    public void TryResolveName_CommonWordOrDemonym_DoesNotResolve(string surface) =>
        Assert.False(Table.TryResolveName(surface, out _), surface);

    [Theory]
    [InlineData("Israeli", "IL")]
    [InlineData("Israelis", "IL")]
    [InlineData("Qatari", "QA")]
    [InlineData("American", "US")]
    [InlineData("Americans", "US")]
    [InlineData("Palestinian", "PS")]
    [InlineData("Palestinians", "PS")]
    [InlineData("British", "GB")]
    [InlineData("Briton", "GB")]
    [InlineData("Britons", "GB")]
    [InlineData("French", "FR")]
    [InlineData("Chinese", "CN")]
    [InlineData("German", "DE")]
    [InlineData("Germans", "DE")]
    [InlineData("Egyptian", "EG")]
    [InlineData("Turkish", "TR")]
    [InlineData("Colombian", "CO")]
    [InlineData("Ivorian", "CI")]
    [InlineData("Dutch", "NL")]
    [InlineData("ISRAELI", "IL")]
    public void TryResolveDemonym_KnownDemonym_ResolvesToCountry(string surface, string alpha2)
    {
        Assert.True(Table.TryResolveDemonym(surface, out Country? country), surface);
        Assert.Equal(alpha2, country.Alpha2);
    }

    [Theory]
    [InlineData("israeli")]
    [InlineData("Israel")]
    [InlineData("french")]
    [InlineData("polish")]
    public void TryResolveDemonym_NameOrLowercase_DoesNotResolve(string surface) =>
        Assert.False(Table.TryResolveDemonym(surface, out _), surface);

    [Fact]
    public void Parse_WrongColumnCount_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => CountryTable.Parse(new StringReader("# header\nUS\tUSA\tUnited States\n")));
        Assert.Contains("line 2", error.Message);
    }
}
