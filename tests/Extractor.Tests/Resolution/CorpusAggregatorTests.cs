using Extractor.Knowledge;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

public class CorpusAggregatorTests
{
    private static DocumentEntity Entity(EntityKind kind, string name, int mentions, params string[] aliases) =>
        new(kind, name, kind == EntityKind.Country ? "US" : "", mentions, 0, aliases, 1f);

    [Fact]
    public void Add_AccumulatesDocumentsMentionsAndAliases_InCanonicalOrder()
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
                "PERSON Donald Trump 2 3 President Donald Trump|Trump",
                "COUNTRY United States 2 3 U.S.|United States",
                "ORGANIZATION Hamas 1 4 Hamas",
            ],
            entities.Select(e => $"{e.Kind.ToOutputName()} {e.Name} {e.Documents} {e.Mentions} {string.Join('|', e.Aliases)}"));
        Assert.Equal("US", entities[1].Code);
    }

    [Fact]
    public void Entities_OrderDependsOnlyOnWhatWasAdded_MostDocumentsThenMentionsThenKindThenName()
    {
        DocumentEntity[][] documents =
        [
            [Entity(EntityKind.Person, "Zed", 1, "Zed"), Entity(EntityKind.Organization, "Acme", 3, "Acme")],
            [Entity(EntityKind.Person, "Zed", 1, "Z."), Entity(EntityKind.Person, "Abe", 5, "Abe")],
            [Entity(EntityKind.Country, "United States", 1, "US"), Entity(EntityKind.Person, "Bea", 1, "Bea")],
            [Entity(EntityKind.Person, "Abe", 1, "Abe"), Entity(EntityKind.Organization, "Bea", 1, "Bea")],
        ];
        string Table(IEnumerable<DocumentEntity[]> order)
        {
            var corpus = new CorpusAggregator();
            foreach (var d in order) corpus.Add(d);
            return string.Join("\n", corpus.Entities().Select(e => $"{e.Kind.ToOutputName()} {e.Name} {e.Documents} {e.Mentions} {string.Join('|', e.Aliases)}"));
        }

        string forward = Table(documents);

        Assert.Equal(forward, Table(documents.Reverse()));
        Assert.Equal(
            "PERSON Abe 2 6 Abe\nPERSON Zed 2 2 Z.|Zed\nORGANIZATION Acme 1 3 Acme\nPERSON Bea 1 1 Bea\nORGANIZATION Bea 1 1 Bea\nCOUNTRY United States 1 1 US",
            forward);
    }

    [Fact]
    public void Add_CorpusEntities_SumsAndUnites_AsOneRunOverBoth()
    {
        var whole = new CorpusAggregator();
        var left = new CorpusAggregator();
        var right = new CorpusAggregator();
        DocumentEntity[] first = [Entity(EntityKind.Person, "Abe", 2, "Abe", "A."), Entity(EntityKind.Country, "United States", 1, "U.S.")];
        DocumentEntity[] second = [Entity(EntityKind.Person, "Abe", 1, "Abe Lincoln"), Entity(EntityKind.Country, "United States", 4, "US")];
        whole.Add(first);
        whole.Add(second);
        left.Add(first);
        right.Add(second);

        var merged = new CorpusAggregator();
        foreach (var e in right.Entities().Concat(left.Entities())) merged.Add(e);

        Assert.Equal(whole.Entities().Select(Describe), merged.Entities().Select(Describe));
    }

    private static string Describe(CorpusEntity e) => $"{e.Kind} {e.Name} {e.Code} {e.Documents} {e.Mentions} {string.Join('|', e.Aliases)}";

    [Fact]
    public void Roles_AreUnitedInOrdinalOrder_AndMergingShardsEqualsOneRun()
    {
        DocumentEntity Person(string role) => Entity(EntityKind.Person, "Marco Rubio", 1, "Rubio") with { Role = role };
        var one = new CorpusAggregator();
        one.Add([Person("Secretary of State")]);
        one.Add([Person("")]);
        one.Add([Person("Senator")]);
        var first = new CorpusAggregator();
        first.Add([Person("Senator")]);
        var second = new CorpusAggregator();
        second.Add([Person("Secretary of State")]);
        second.Add([Person("")]);
        var merged = new CorpusAggregator();
        foreach (var e in second.Entities().Concat(first.Entities())) merged.Add(e);

        Assert.Equal(["Secretary of State", "Senator"], one.Entities()[0].Roles);
        Assert.Equal(one.Entities()[0].Roles, merged.Entities()[0].Roles);
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
