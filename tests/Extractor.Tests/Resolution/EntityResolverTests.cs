using Extractor.Knowledge;
using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

public class EntityResolverTests
{
    private const EntityLabel Per = EntityLabel.Person;
    private const EntityLabel Org = EntityLabel.Organization;
    private const EntityLabel Loc = EntityLabel.Location;
    private const EntityLabel Misc = EntityLabel.Misc;

    private static readonly EntityResolver Default = new(ResolutionOptions.Default);
    private static readonly EntityResolver WithDemonyms = new(new ResolutionOptions(Demonyms: true));

    private static ResolvedMention Single(EntityResolver resolver, string text, string surface, EntityLabel label) =>
        Assert.Single(resolver.Resolve(TestDocuments.Build(text, (surface, label))));

    [Theory]
    [InlineData("Talks with Qatar continued.", "Qatar", "QA", "Qatar")]
    [InlineData("Forces left the U.S. yesterday.", "U.S.", "US", "United States")]
    [InlineData("Troops reached the United States.", "the United States", "US", "United States")]
    [InlineData("He praised Qatar’s role.", "Qatar’s", "QA", "Qatar")]
    [InlineData("Ankara said TURKEY would help.", "TURKEY", "TR", "Turkey")]
    [InlineData("Aid reached Chad on Monday.", "Chad", "TD", "Chad")]
    [InlineData("Trade with Türkiye grew.", "Türkiye", "TR", "Turkey")]
    public void Resolve_LocThatNamesCountry_IsCountryWithCode(string text, string surface, string code, string name)
    {
        ResolvedMention r = Single(Default, text, surface, Loc);
        Assert.Equal(EntityKind.Country, r.Kind);
        Assert.Equal(code, r.Code);
        Assert.Equal(name, r.Name);
        Assert.Equal(surface, r.Text);
    }

    [Theory]
    [InlineData("Violence in Gaza rose.", "Gaza", "Gaza")]
    [InlineData("Civilians in Gaza’s south fled.", "Gaza’s", "Gaza")]
    [InlineData("Judges met in The Hague.", "The Hague", "The Hague")]
    [InlineData("She flew to Washington.", "Washington", "Washington")]
    public void Resolve_OtherLoc_IsLocationNamedBySurface(string text, string surface, string name)
    {
        ResolvedMention r = Single(Default, text, surface, Loc);
        Assert.Equal(EntityKind.Location, r.Kind);
        Assert.Equal(name, r.Name);
        Assert.Equal("", r.Code);
    }

    [Theory]
    [InlineData("Then the U.S. said no.", "the U.S.", Org, "US")]
    [InlineData("UK officials agreed.", "UK", Org, "GB")]
    [InlineData("U.S. forces withdrew.", "U.S.", Misc, "US")]
    [InlineData("Israel’s cabinet met.", "Israel’s", Org, "IL")]
    public void Resolve_OrgOrMiscThatIsWhollyACountryName_IsCountry(string text, string surface, EntityLabel label, string code)
    {
        ResolvedMention r = Single(Default, text, surface, label);
        Assert.Equal(EntityKind.Country, r.Kind);
        Assert.Equal(code, r.Code);
    }

    [Theory]
    [InlineData("The U.S. Army deployed.", "U.S. Army", Org, EntityKind.Organization)]
    [InlineData("American officials came.", "American", Misc, EntityKind.Misc)]
    [InlineData("Israeli troops left.", "Israeli", Misc, EntityKind.Misc)]
    [InlineData("Michael Jordan retired.", "Michael Jordan", Per, EntityKind.Person)]
    [InlineData("Jordan scored again.", "Jordan", Per, EntityKind.Person)]
    [InlineData("Chad Smith spoke.", "Chad", Per, EntityKind.Person)]
    public void Resolve_NotWhollyACountryName_KeepsModelKind(string text, string surface, EntityLabel label, EntityKind kind)
    {
        ResolvedMention r = Single(Default, text, surface, label);
        Assert.Equal(kind, r.Kind);
        Assert.Equal("", r.Code);
    }

    [Theory]
    [InlineData("Israeli troops left.", "Israeli", "IL", "Israel")]
    [InlineData("It harmed Palestinian civilians.", "Palestinian", "PS", "Palestine")]
    [InlineData("Palestinians protested.", "Palestinians", "PS", "Palestine")]
    [InlineData("Qatari mediators met.", "Qatari", "QA", "Qatar")]
    [InlineData("American officials came.", "American", "US", "United States")]
    public void Resolve_MiscDemonymWithDemonymsOn_IsCountryKeepingDemonymText(string text, string surface, string code, string name)
    {
        ResolvedMention r = Single(WithDemonyms, text, surface, Misc);
        Assert.Equal(EntityKind.Country, r.Kind);
        Assert.Equal(code, r.Code);
        Assert.Equal(name, r.Name);
        Assert.Equal(surface, r.Text);
    }

    [Fact]
    public void Resolve_DemonymTaggedPerOrLoc_IsNotACountryEvenWithDemonymsOn()
    {
        Assert.Equal(EntityKind.Person, Single(WithDemonyms, "Israeli spoke.", "Israeli", Per).Kind);
        Assert.Equal(EntityKind.Location, Single(WithDemonyms, "Israeli lands.", "Israeli", Loc).Kind);
    }

    [Theory]
    [InlineData("President Donald Trump", "Donald Trump")]
    [InlineData("Vice President JD Vance", "JD Vance")]
    [InlineData("Secretary of State Marco Rubio", "Marco Rubio")]
    [InlineData("U.S. Secretary of State Marco Rubio", "Marco Rubio")]
    [InlineData("Colombian President Gustavo Petro", "Gustavo Petro")]
    [InlineData("General Dan Caine", "Dan Caine")]
    [InlineData("Gen. Dan Caine", "Dan Caine")]
    [InlineData("Gen Dan Caine", "Dan Caine")]
    [InlineData("Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu")]
    [InlineData("Emir Sheikh Tamim bin Hamad al-Thani", "Tamim bin Hamad al-Thani")]
    [InlineData("Sen. Lindsey Graham", "Lindsey Graham")]
    [InlineData("Dr. Jane Goodall", "Jane Goodall")]
    [InlineData("Mrs. Smith", "Smith")]
    [InlineData("Pope Leo", "Leo")]
    [InlineData("King Charles", "Charles")]
    [InlineData("Chancellor Friedrich Merz", "Friedrich Merz")]
    [InlineData("Trump’s", "Trump")]
    [InlineData("President", "President")]
    [InlineData("Rubio", "Rubio")]
    public void Resolve_Person_StripsTitlesAndPossessive(string surface, string name)
    {
        ResolvedMention r = Single(Default, $"Then {surface} spoke.", surface, Per);
        Assert.Equal(EntityKind.Person, r.Kind);
        Assert.Equal(name, r.Name);
        Assert.Equal(surface, r.Text);
    }

    [Fact]
    public void Resolve_Surname_TakesTheDocumentsFullName()
    {
        Document doc = TestDocuments.Build(
            "Rubio met President Donald Trump. Trump’s aide said Rubio and Trump agreed. Marco Rubio left.",
            ("Rubio", Per), ("Donald Trump", Per), ("Trump’s", Per), ("Rubio", Per), ("Trump", Per), ("Marco Rubio", Per));
        Assert.Equal(
            ["Marco Rubio", "Donald Trump", "Donald Trump", "Marco Rubio", "Donald Trump", "Marco Rubio"],
            Default.Resolve(doc).Select(r => r.Name));
    }

    [Theory]
    [InlineData("RUBIO")]
    [InlineData("MARCO RUBIO")]
    public void Resolve_HeadlineCapitals_TakeTheBodysName(string headline)
    {
        Document doc = TestDocuments.Build(headline + " VISITS ISRAEL\n\nMarco Rubio arrived.", (headline, Per), ("Marco Rubio", Per));
        Assert.All(Default.Resolve(doc), m => Assert.Equal("Marco Rubio", m.Name));
    }

    [Fact]
    public void Resolve_TrailingNameParts_TakeTheLongestName()
    {
        Document doc = TestDocuments.Build(
            "Tamim bin Hamad al-Thani met Hamad al-Thani aides and al-Thani smiled.",
            ("Tamim bin Hamad al-Thani", Per), ("Hamad al-Thani", Per), ("al-Thani", Per));
        Assert.All(Default.Resolve(doc), r => Assert.Equal("Tamim bin Hamad al-Thani", r.Name));
    }

    [Fact]
    public void Resolve_SurnameOfTwoPeople_StaysShort()
    {
        Document doc = TestDocuments.Build(
            "John Smith and Jane Smith disagreed; Smith left.",
            ("John Smith", Per), ("Jane Smith", Per), ("Smith", Per));
        Assert.Equal(["John Smith", "Jane Smith", "Smith"], Default.Resolve(doc).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_FirstNameOnly_IsNotMerged()
    {
        Document doc = TestDocuments.Build("Marco Rubio spoke; Marco smiled.", ("Marco Rubio", Per), ("Marco", Per));
        Assert.Equal(["Marco Rubio", "Marco"], Default.Resolve(doc).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_SurnameOfAnOrganization_IsNotMergedIntoAPerson()
    {
        Document doc = TestDocuments.Build("Donald Trump met Trump Organization staff.", ("Donald Trump", Per), ("Trump Organization", Org));
        Assert.Equal(["Donald Trump", "Trump Organization"], Default.Resolve(doc).Select(r => r.Name));
    }

    [Theory]
    [InlineData("the State Department", "State Department")]
    [InlineData("The State Department’s", "State Department")]
    [InlineData("Hamas’s", "Hamas")]
    [InlineData("Hamas", "Hamas")]
    public void Resolve_Organization_DropsArticleAndPossessive(string surface, string name)
    {
        ResolvedMention r = Single(Default, $"Then {surface} spoke.", surface, Org);
        Assert.Equal(EntityKind.Organization, r.Kind);
        Assert.Equal(name, r.Name);
    }

    [Theory]
    [InlineData("UN")]
    [InlineData("U.N.")]
    [InlineData("the UN")]
    public void Resolve_AcronymWithExpansionInDocument_TakesExpansion(string acronym)
    {
        Document doc = TestDocuments.Build(
            $"A United Nations resolution passed; {acronym} staff cheered.", ("United Nations", Org), (acronym, Org));
        Assert.All(Default.Resolve(doc), r => Assert.Equal("United Nations", r.Name));
    }

    [Fact]
    public void Resolve_AcronymIgnoresFunctionWords()
    {
        Document doc = TestDocuments.Build(
            "The North Atlantic Treaty Organization met; NATO agreed. The Food and Agriculture Organization and FAO too.",
            ("North Atlantic Treaty Organization", Org), ("NATO", Org), ("Food and Agriculture Organization", Org), ("FAO", Org));
        Assert.Equal(
            ["North Atlantic Treaty Organization", "North Atlantic Treaty Organization", "Food and Agriculture Organization", "Food and Agriculture Organization"],
            Default.Resolve(doc).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_AcronymWithoutExpansion_StaysAsWritten()
    {
        Document doc = TestDocuments.Build("UN staff cheered.", ("UN", Org));
        Assert.Equal("UN", Assert.Single(Default.Resolve(doc)).Name);
    }

    [Fact]
    public void Resolve_AcronymWithTwoExpansions_StaysAsWritten()
    {
        Document doc = TestDocuments.Build(
            "United Nations and Universal Networks: UN said.", ("United Nations", Org), ("Universal Networks", Org), ("UN", Org));
        Assert.Equal("UN", Default.Resolve(doc)[2].Name);
    }

    [Fact]
    public void Resolve_OrgWithoutCountryPrefix_JoinsPrefixedName()
    {
        Document doc = TestDocuments.Build(
            "The U.S. State Department warned. Later the State Department said more.",
            ("U.S. State Department", Org), ("the State Department", Org));
        Assert.All(Default.Resolve(doc), r => Assert.Equal("U.S. State Department", r.Name));
    }

    [Fact]
    public void Resolve_OrgWithTwoCountryPrefixedForms_StaysShort()
    {
        Document doc = TestDocuments.Build(
            "The Egypt Foreign Ministry and Qatar Foreign Ministry spoke; the Foreign Ministry added.",
            ("Egypt Foreign Ministry", Org), ("Qatar Foreign Ministry", Org), ("Foreign Ministry", Org));
        Assert.Equal(["Egypt Foreign Ministry", "Qatar Foreign Ministry", "Foreign Ministry"], Default.Resolve(doc).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_OrgWithPossessiveCountryPrefix_JoinsLongerName()
    {
        Document doc = TestDocuments.Build(
            "Qatar’s Foreign Ministry spoke; the Foreign Ministry added.", ("Qatar’s Foreign Ministry", Org), ("the Foreign Ministry", Org));
        Assert.All(Default.Resolve(doc), r => Assert.Equal("Qatar's Foreign Ministry", r.Name));
    }

    [Fact]
    public void Resolve_DemonymPrefix_DoesNotJoin()
    {
        Document doc = TestDocuments.Build("The American Red Cross and the Red Cross.", ("American Red Cross", Org), ("Red Cross", Org));
        Assert.Equal(["American Red Cross", "Red Cross"], Default.Resolve(doc).Select(r => r.Name));
    }

    [Fact]
    public void Resolve_ReturnsMentionsInTextOrder()
    {
        var doc = TestDocuments.Build("Qatar and Egypt.", ("Qatar", Loc), ("Egypt", Loc));
        doc = doc with { Mentions = doc.Mentions.Reverse().ToArray() };
        Assert.Equal(["Qatar", "Egypt"], Default.Resolve(doc).Select(r => r.Text));
    }

    [Fact]
    public void Resolve_EmptyDocument_ReturnsNothing() =>
        Assert.Empty(Default.Resolve(TestDocuments.Build("")));
}
