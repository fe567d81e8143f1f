using Extractor.Knowledge;
using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

public class EntityGroupingTests
{
    private static readonly EntityResolver Resolver = new(new ResolutionOptions(Demonyms: true));

    private static IReadOnlyList<DocumentEntity> Entities(Document doc) => doc.Resolve(Resolver).Entities;

    [Fact]
    public void Group_MergesByKindAndName_OrderedByFirstMention()
    {
        Document doc = TestDocuments.Build(
            "U.S. Secretary of State Marco Rubio said the U.S. and Israel agreed. Rubio’s aide met Israeli envoys. The United States, Rubio said, was ready.",
            [
                ("U.S.", EntityLabel.Location, 0.9f),
                ("Secretary of State Marco Rubio", EntityLabel.Person, 0.7f),
                ("the U.S.", EntityLabel.Organization, 0.6f),
                ("Israel", EntityLabel.Location, 0.95f),
                ("Rubio’s", EntityLabel.Person, 0.8f),
                ("Israeli", EntityLabel.Misc, 0.5f),
                ("The United States", EntityLabel.Location, 0.99f),
                ("Rubio", EntityLabel.Person, 0.6f),
            ]);

        IReadOnlyList<DocumentEntity> entities = Entities(doc);

        Assert.Equal(3, entities.Count);
        DocumentEntity us = entities[0];
        Assert.Equal((EntityKind.Country, "United States", "US", 3, 0), (us.Kind, us.Name, us.Code, us.Mentions, us.FirstStart));
        Assert.Equal(["U.S.", "the U.S.", "The United States"], us.Aliases);
        Assert.Equal(0.99f, us.Score);

        DocumentEntity rubio = entities[1];
        Assert.Equal((EntityKind.Person, "Marco Rubio", "", 3), (rubio.Kind, rubio.Name, rubio.Code, rubio.Mentions));
        Assert.Equal(["Secretary of State Marco Rubio", "Rubio"], rubio.Aliases);
        Assert.Equal(0.8f, rubio.Score);

        DocumentEntity israel = entities[2];
        Assert.Equal((EntityKind.Country, "Israel", "IL", 2), (israel.Kind, israel.Name, israel.Code, israel.Mentions));
        Assert.Equal(["Israel", "Israeli"], israel.Aliases);
    }

    [Fact]
    public void Group_SameNameDifferentKinds_AreSeparateEntities()
    {
        Document doc = TestDocuments.Build("Madison said Madison agreed.", ("Madison", EntityLabel.Location), ("Madison", EntityLabel.Person));
        Assert.Equal([EntityKind.Location, EntityKind.Person], Entities(doc).Select(e => e.Kind));
    }

    [Fact]
    public void Group_TakesTheMostSpecificRole_FirstOfEquals_WithItsAffiliationOrTheFirstGiven()
    {
        ResolvedMention Hegseth(int start, string role, string affiliation) =>
            new(new Mention(start, start + 7, 0, 0, 0, EntityLabel.Person, 0.9f), EntityKind.Person, "Hegseth", "Pete Hegseth", "") { Role = role, Affiliation = affiliation };
        var entity = Assert.Single(EntityResolver.Group([
            Hegseth(0, "Secretary", "United States"), Hegseth(20, "", ""), Hegseth(40, "Defense Secretary", ""), Hegseth(60, "War Secretary", "")]));
        Assert.Equal("Defense Secretary", entity.Role);
        Assert.Equal("United States", entity.Affiliation);
        var none = Assert.Single(EntityResolver.Group([Hegseth(0, "", "")]));
        Assert.Equal(("", ""), (none.Role, none.Affiliation));
    }

    [Fact]
    public void Group_NoMentions_ReturnsEmpty() => Assert.Empty(EntityResolver.Group([]));

    [Theory]
    [InlineData(EntityKind.Person, "PERSON")]
    [InlineData(EntityKind.Organization, "ORGANIZATION")]
    [InlineData(EntityKind.Country, "COUNTRY")]
    [InlineData(EntityKind.Location, "LOCATION")]
    [InlineData(EntityKind.Misc, "MISC")]
    public void ToOutputName_EachKind_HasSchemaName(EntityKind kind, string name) => Assert.Equal(name, kind.ToOutputName());
}
