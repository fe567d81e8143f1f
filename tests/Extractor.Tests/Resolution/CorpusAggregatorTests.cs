using Extractor.Resolution;
using Extractor.Lexicons;

namespace Extractor.Tests.Resolution;

public class CorpusAggregatorTests
{
    private static DocumentEntity Entity(EntityKind kind, string name, int mentions, params string[] aliases) =>
        new(kind, name, kind == EntityKind.Country ? "US" : "", mentions, 0, aliases, 1f);

    [Fact]
    public void Add_AccumulatesDocumentsMentionsAndAliases_InFirstAppearanceOrder()
    {
        var corpus = new CorpusAggregator();
        corpus.Add([Entity(EntityKind.Person, "Donald Trump", 2, "Trump"), Entity(EntityKind.Country, "United States", 1, "U.S.")]);
        corpus.Add([]);
        corpus.Add([
            Entity(EntityKind.Organization, "Hamas", 4, "Hamas"),
            Entity(EntityKind.Country, "United States", 2, "United States", "U.S."),
            Entity(EntityKind.Person, "Donald Trump", 1, "President Donald Trump"),
        ]);

        IReadOnlyList<CorpusEntity> entities = corpus.Entities();

        Assert.Equal(3, corpus.Documents);
        Assert.Equal(
            [
                "PERSON Donald Trump 2 3 Trump|President Donald Trump",
                "COUNTRY United States 2 3 U.S.|United States",
                "ORGANIZATION Hamas 1 4 Hamas",
            ],
            entities.Select(e => $"{e.Kind.ToOutputName()} {e.Name} {e.Documents} {e.Mentions} {string.Join('|', e.Aliases)}"));
        Assert.Equal("US", entities[1].Code);
    }

    [Fact]
    public void Add_SameNameDifferentKind_StaysSeparate()
    {
        var corpus = new CorpusAggregator();
        corpus.Add([Entity(EntityKind.Person, "Washington", 1), Entity(EntityKind.Location, "Washington", 1)]);
        Assert.Equal(2, corpus.Entities().Count);
    }

    [Fact]
    public void Entities_IsASnapshot()
    {
        var corpus = new CorpusAggregator();
        corpus.Add([Entity(EntityKind.Misc, "Gaza ceasefire", 1)]);
        IReadOnlyList<CorpusEntity> before = corpus.Entities();
        corpus.Add([Entity(EntityKind.Misc, "Gaza ceasefire", 1)]);
        Assert.Equal(1, before[0].Documents);
        Assert.Equal(2, corpus.Entities()[0].Documents);
    }
}
