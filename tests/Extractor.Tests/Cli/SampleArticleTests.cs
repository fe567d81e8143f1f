using System.Globalization;
using CsvHelper;

namespace Extractor.Tests.Cli;

/// <summary>The shipped model, tokenizer and resolver together on the three real 2025 articles in samples/.</summary>
public class SampleArticleTests
{
    private const string First = "000_538bf5e8bea163bf.txt";

    private static List<(string Type, string Name, string Code, int Mentions, string Aliases)> Entities(params string[] extra)
    {
        var r = CliRunner.Run(["extract", Path.Combine(CliRunner.Samples, First), "-q", .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var reader = CsvReader.Create(new StringReader(r.Stdout), CsvReaderOptions.Default with { HasHeader = true }, leaveOpen: false);
        var rows = new List<(string, string, string, int, string)>();
        while (reader.Read())
            rows.Add((reader.GetString(1)!, reader.GetString(2)!, reader.GetString(3)!, int.Parse(reader.GetString(4)!, CultureInfo.InvariantCulture), reader.GetString(6)!));
        return rows;
    }

    [Theory]
    [InlineData("Marco Rubio")]
    [InlineData("Donald Trump")]
    [InlineData("JD Vance")]
    [InlineData("Steve Witkoff")]
    [InlineData("Jared Kushner")]
    [InlineData("Dan Caine")]
    public void FirstArticle_People(string name) =>
        Assert.Contains(Entities(), e => e.Type == "PERSON" && e.Name == name);

    [Fact]
    public void FirstArticle_RubioIsCountedAsMarcoRubio()
    {
        var rubio = Assert.Single(Entities(), e => e.Name == "Marco Rubio");
        Assert.Contains("Rubio", rubio.Aliases.Split('|'));
        Assert.True(rubio.Mentions >= 6, $"{rubio.Mentions} mentions");
        Assert.DoesNotContain(Entities(), e => e.Type == "PERSON" && e.Name == "Rubio");
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("Israel", "IL")]
    [InlineData("Qatar", "QA")]
    [InlineData("Egypt", "EG")]
    [InlineData("Turkey", "TR")]
    [InlineData("Indonesia", "ID")]
    [InlineData("Azerbaijan", "AZ")]
    public void FirstArticle_CountriesWithCodes(string name, string code) =>
        Assert.Contains(Entities(), e => e.Type == "COUNTRY" && e.Name == name && e.Code == code);

    [Fact]
    public void FirstArticle_UsIsTheUnitedStates()
    {
        var us = Assert.Single(Entities(), e => e.Code == "US");
        Assert.Equal("United States", us.Name);
        Assert.Contains("U.S.", us.Aliases.Split('|'));
    }

    [Theory]
    [InlineData("Hamas")]
    [InlineData("State Department")]
    [InlineData("United Nations")]
    public void FirstArticle_Organizations(string name) =>
        Assert.Contains(Entities(), e => e.Type == "ORGANIZATION" && e.Name == name);

    [Fact]
    public void FirstArticle_NoTitlesInPersonNames()
    {
        foreach (var person in Entities().Where(e => e.Type == "PERSON"))
            Assert.DoesNotMatch(@"^(President|Secretary|General|Gen\.|Vice|Prime|Emir|Sheikh)\b", person.Name);
    }

    [Theory] // Guideline P3: the two Qatari leaders are one person each, named whole without their titles.
    [InlineData("Tamim bin Hamad al-Thani")]
    [InlineData("Mohammed bin Abdulrahman bin Jassim Al Thani")]
    public void FirstArticle_QatariLeadersAreWhole(string name)
    {
        var people = Entities().Where(e => e.Type == "PERSON").Select(e => e.Name).ToList();
        Assert.Contains(name, people);
        Assert.DoesNotContain(people, p => p != name && name.Contains(p, StringComparison.Ordinal));
    }

    [Fact] // Guidelines C1, K2, O3 over the three articles.
    public void AllArticles_CapitalsCompoundsAndOutlets()
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, "-q", "-l", "corpus");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.DoesNotContain(rows, c => c[0] == "PERSON" && c[1] == "Washington");
        Assert.Contains("U.S.-led", Assert.Single(rows, c => c[0] == "COUNTRY" && c[1] == "United States")[5].Split('|'));
        Assert.Single(rows, c => c[0] == "ORGANIZATION" && c[1].StartsWith("Rokna", StringComparison.Ordinal));
    }

    [Fact]
    public void Demonyms_ReportedAsCountriesOnlyWhenAsked()
    {
        const string text = "Israeli forces withdrew on Monday, and Palestinian officials said the talks would resume.";
        string Run(params string[] extra) => CliRunner.WithStdin(text, ["extract", "-l", "mention", "-q", .. extra]).Stdout;
        Assert.DoesNotContain("COUNTRY", Run());
        var with = Run("--demonyms");
        Assert.Contains("-,COUNTRY,Israeli,Israel,IL,", with);
        Assert.Contains("-,COUNTRY,Palestinian,Palestine,PS,", with);
    }
}

/// <summary>Document-level consistency with the shipped model: headlines and later short mentions.</summary>
public class DocumentConsistencyTests
{
    [Theory]
    [InlineData("RUBIO MEETS NETANYAHU IN JERUSALEM")]
    [InlineData("Rubio Meets Netanyahu in Jerusalem")]
    public void Headline_AndLaterSurnames_AreTheBodysPeople(string headline)
    {
        string text = headline + "\n\nU.S. Secretary of State Marco Rubio met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Sunday. Rubio said the talks with Netanyahu were productive.\n";
        var r = CliRunner.WithStdin(text, "extract", "-l", "mention", "-q");
        var rows = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var people = rows.Where(c => c[1] == "PERSON").ToList();
        Assert.Equal(3, people.Count(c => c[3] == "Marco Rubio"));
        Assert.Equal(3, people.Count(c => c[3] == "Benjamin Netanyahu"));
        Assert.Contains(rows, c => c[2] == headline.Split(' ')[0] && c[5] == "0" && c[1] == "PERSON");
    }
}
