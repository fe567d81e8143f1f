using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.Tests.Knowledge;

/// <summary>The curated list keeps its stated selection rule (the file's header; the model card's "Knowledge").</summary>
public class DesignatedOrganizationsTests
{
    private static readonly string[] Names = EmbeddedResources.ReadList("Extractor.Resources.knowledge.designated_organizations.txt");

    [Fact]
    public void TheList_KeepsItsSelectionRule()
    {
        Assert.InRange(Names.Length, 150, 400);
        Assert.Equal(Names.Length, Names.Distinct(StringComparer.Ordinal).Count());
        foreach (var name in Names)
        {
            Assert.True(name.Split(" ").Length <= 8, $"'{name}': more than eight words");
            bool acronym = name.All(c => char.IsUpper(c) || !char.IsLetter(c));
            Assert.False(acronym && name.Length < 4, $"'{name}': an acronym shorter than four characters");
            Assert.DoesNotContain('\u2019', name); // the loader adds the typographic apostrophe
        }
        Assert.DoesNotContain("IS", Names);
    }

    [Fact]
    public void EveryName_AndItsTypographicSpelling_IsAnOrganization()
    {
        var lexicon = DesignatedOrganizations.Default;
        Assert.True(lexicon.TryGet("Daesh", out var daesh));
        Assert.Equal(EntityKind.Organization, daesh.Kind);
        Assert.True(lexicon.TryGet("Da\u2019esh", out _));
        Assert.True(lexicon.TryGet("Islamic State of Iraq and the Levant", out _));
        Assert.False(lexicon.TryGet("Islamic State of Iraq and", out _));
    }
}
