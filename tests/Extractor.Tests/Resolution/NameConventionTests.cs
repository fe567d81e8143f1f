using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>The resolution side of docs/annotation-guidelines.md: canonical names and kinds, one table per rule.</summary>
public class NameConventionTests
{
    private const EntityLabel Per = EntityLabel.Person;
    private static readonly EntityResolver Resolver = new(ResolutionOptions.Default);

    private static IReadOnlyList<ResolvedMention> Resolve(string text, params (string Surface, EntityLabel Label)[] mentions) =>
        Resolver.Resolve(TestDocuments.Build(text, mentions));

    [Theory] // P2: the quoted nickname is in the span but not in the canonical name; the surname joins it.
    [InlineData("Robert \"Bob\" Collins said so. Collins added more.", "Robert \"Bob\" Collins", "Robert Collins")]
    [InlineData("Robert “Big Bob” Collins said so. Collins added more.", "Robert “Big Bob” Collins", "Robert Collins")]
    public void QuotedNickname_LeavesTheCanonicalName(string text, string surface, string name)
    {
        var resolved = Resolve(text, (surface, Per), ("Collins", Per));
        Assert.All(resolved, r => Assert.Equal(name, r.Name));
    }

    [Theory] // P3: particles compare ignoring case when a short form is grouped with the full name.
    [InlineData("Mark van Bommel said so. Van Bommel added more.", "Mark van Bommel", "Van Bommel", "Mark van Bommel")]
    [InlineData("Tamim bin Hamad Al Thani said so. Hamad al Thani added more.", "Tamim bin Hamad Al Thani", "Hamad al Thani", "Tamim bin Hamad Al Thani")]
    [InlineData("Charles de Gaulle spoke. De Gaulle left.", "Charles de Gaulle", "De Gaulle", "Charles de Gaulle")]
    public void ParticleCase_DoesNotSplitAPerson(string text, string full, string later, string name)
    {
        var resolved = Resolve(text, (full, Per), (later, Per));
        Assert.All(resolved, r => Assert.Equal(name, r.Name));
        Assert.Single(EntityResolver.Group(resolved));
    }

    [Theory] // C1: a capital the tagger called a person stands for its government: a location, not a person.
    [InlineData("Washington has ongoing discussions with Doha.", "Washington", EntityKind.Location)]
    [InlineData("Moscow warned on Monday.", "Moscow", EntityKind.Location)]
    [InlineData("Mr. Washington said so.", "Washington", EntityKind.Person)]
    [InlineData("Madison said so.", "Madison", EntityKind.Person)]
    public void CapitalAsGovernment_IsNotAPerson(string text, string surface, EntityKind kind) =>
        Assert.Equal(kind, Assert.Single(Resolve(text, (surface, Per))).Kind);

    [Fact] // C1: a capital's name that is a person's surname in the document stays that person.
    public void CapitalAsSurname_StaysThePerson()
    {
        var resolved = Resolve("Denzel Washington starred. Washington said so.", ("Denzel Washington", Per), ("Washington", Per));
        Assert.All(resolved, r => Assert.Equal((EntityKind.Person, "Denzel Washington"), (r.Kind, r.Name)));
    }

    [Theory] // K2: a country name or alias joined to a lowercase word mentions the country, demonyms on or off.
    [InlineData("The U.S.-led coalition struck.", "U.S.-led", "US")]
    [InlineData("A UK-based charity helped.", "UK-based", "GB")]
    [InlineData("Iran-backed militias fired.", "Iran-backed", "IR")]
    [InlineData("The Qatar-brokered truce held.", "Qatar-brokered", "QA")]
    [InlineData("Iranian-backed militias fired.", "Iranian-backed", "")]
    [InlineData("US-China talks resumed.", "US-China", "")]
    [InlineData("A York-based firm grew.", "York-based", "")]
    public void CountryCompound_MentionsTheCountry(string text, string surface, string code)
    {
        ResolvedMention r = Assert.Single(Resolve(text, (surface, EntityLabel.Misc)));
        Assert.Equal(code, r.Code);
        Assert.Equal(code.Length > 0 ? EntityKind.Country : EntityKind.Misc, r.Kind);
        Assert.Equal(surface, r.Text);
    }

    [Theory] // O3: an outlet's byline desk is the outlet.
    [InlineData("Rokna Political Desk", "Rokna")]
    [InlineData("Reuters Newsroom", "Reuters")]
    [InlineData("AFP World News Desk", "AFP")]
    [InlineData("News Desk", "News Desk")]
    [InlineData("Joint Chiefs of Staff", "Joint Chiefs of Staff")]
    [InlineData("Desk Political Party", "Desk Political Party")]
    public void OutletByline_IsTheOutlet(string surface, string name) =>
        Assert.Equal(name, Assert.Single(Resolve($"By {surface} today.", (surface, EntityLabel.Organization))).Name);

    [Fact] // O3 and grouping: the byline and the bare outlet are one organization.
    public void OutletByline_GroupsWithTheOutlet()
    {
        var resolved = Resolve("By Rokna Political Desk. Rokna reported it.", ("Rokna Political Desk", EntityLabel.Organization), ("Rokna", EntityLabel.Organization));
        var entity = Assert.Single(EntityResolver.Group(resolved));
        Assert.Equal(("Rokna", 2), (entity.Name, entity.Mentions));
    }
}
