using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>The compact form of a document's resolved mentions (a row per mention over distinct resolutions) reads
/// as the full list would, and groups as it would.</summary>
public class ResolvedMentionListTests
{
    private static readonly EntityPipeline Pipeline = new(new PipelineOptions(ShippedModel.Model));

    /// <summary>The sample articles, twice over: repeats of every surface, as a long document has.</summary>
    private static Document Samples() => Pipeline.Run(ShippedModel.SamplesText() + "\n\n" + ShippedModel.SamplesText());

    [Fact]
    public void OnTheSamples_EachMentionHasItsOwnSpan_AndRepeatsShareRows()
    {
        var doc = Samples();
        var list = Assert.IsType<ResolvedMentionList>(doc.Resolved);
        Assert.Equal(doc.Mentions.Length, list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            Assert.Equal(doc.Mentions[i], list[i].Mention);
            Assert.Equal(doc.Text[doc.Mentions[i].Start..doc.Mentions[i].End], list[i].Text);
        }
        // One row per distinct (label, surface), and one more per distinct role given with it: the text is there
        // twice, so every row serves at least two mentions.
        var items = list.ToArray();
        int expected = items.Select(m => (m.Mention.Label, m.Text)).Distinct().Count()
            + items.Where(m => m.Role.Length > 0).Select(m => (m.Mention.Label, m.Text, m.Role, m.Affiliation)).Distinct().Count();
        Assert.Equal(expected, list.RowCount);
        Assert.True(2 * list.RowCount <= list.Count, $"{list.RowCount} rows for {list.Count} mentions");
        Assert.Contains(items, m => m.Role.Length > 0);
    }

    [Fact]
    public void Grouping_TheCompactList_GivesWhatGroupingItsItemsGives()
    {
        var doc = Samples();
        var compact = EntityResolver.Group(doc.Resolved);
        var full = EntityResolver.Group([.. doc.Resolved]);
        Assert.Equal(full.Count, compact.Count);
        for (int i = 0; i < full.Count; i++)
        {
            Assert.Equal(full[i] with { Aliases = [] }, compact[i] with { Aliases = [] });
            Assert.Equal(full[i].Aliases, compact[i].Aliases);
        }
    }

    [Fact]
    public void Where_KeepsTheAcceptedItemsInOrder_AndAgainOnTheResult()
    {
        var list = Assert.IsType<ResolvedMentionList>(Samples().Resolved);
        var people = list.Where(m => m.Kind == EntityKind.Person);
        Assert.Equal(list.ToArray().Where(m => m.Kind == EntityKind.Person), people);
        var named = people.Where(m => m.Name.Contains(' ', StringComparison.Ordinal));
        Assert.Equal(list.ToArray().Where(m => m.Kind == EntityKind.Person && m.Name.Contains(' ', StringComparison.Ordinal)), named);
        Assert.Same(list, list.Where(_ => true));
    }

    [Fact]
    public void Grouping_AnEntityWithManyAliases_KeepsEachOnce_InOrderOfFirstUse()
    {
        // Past eight aliases the builder switches from a scan to a set: the result must not show where.
        var surfaces = Enumerable.Range(0, 12).Select(i => $"Alias{i}").ToArray();
        var mentions = new List<ResolvedMention>();
        int at = 0;
        foreach (int i in new[] { 0, 1, 2, 0, 3, 4, 5, 6, 7, 1, 8, 9, 8, 10, 11, 0, 11 })
        {
            mentions.Add(new ResolvedMention(new Mention(at, at + surfaces[i].Length, 0, 1, 0, EntityLabel.Organization, 0.9f),
                EntityKind.Organization, surfaces[i], "Acme", ""));
            at += 20;
        }
        var entity = Assert.Single(EntityResolver.Group(mentions));
        Assert.Equal(surfaces, entity.Aliases);
        Assert.Equal(17, entity.Mentions);
    }
}
