using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Text;

namespace Extractor.Tests.Recognition;

public class TagSetTests
{
    [Theory]
    [InlineData(TagEncoding.Bio, 9)]
    [InlineData(TagEncoding.Bilou, 17)]
    public void Count_IsOnePlusPartsTimesLabels(TagEncoding encoding, int count) =>
        Assert.Equal(count, new TagSet(encoding).Count);

    [Theory]
    [InlineData(TagEncoding.Bio, "B-PER I-PER O B-LOC B-LOC O")]
    [InlineData(TagEncoding.Bilou, "B-PER L-PER O U-LOC U-LOC O")]
    public void Encode_SpellsSpans_AndDecodeReadsThemBack(TagEncoding encoding, string expected)
    {
        var set = new TagSet(encoding);
        (int, int, EntityLabel)[] spans = [(0, 2, EntityLabel.Person), (3, 4, EntityLabel.Location), (4, 5, EntityLabel.Location)];
        var tags = new int[6];
        set.Encode(spans, tags);
        Assert.Equal(expected, string.Join(' ', tags.Select(set.NameOf)));
        var decoded = new List<(int First, int End, EntityLabel Label)>();
        set.Decode(tags, decoded);
        Assert.Equal(spans, decoded.Select(d => (d.First, d.End, d.Label)));
    }

    [Fact]
    public void Allowed_Bilou_ForbidsInsideWithoutBegin()
    {
        var set = new TagSet(TagEncoding.Bilou);
        int b = set.TagOf(EntityLabel.Person, 0), i = set.TagOf(EntityLabel.Person, 1), l = set.TagOf(EntityLabel.Person, 2);
        int iLoc = set.TagOf(EntityLabel.Location, 1);
        Assert.False(set.Allowed(TagSet.Outside, i));
        Assert.False(set.Allowed(b, TagSet.Outside));
        Assert.False(set.Allowed(b, iLoc));
        Assert.True(set.Allowed(b, i));
        Assert.True(set.Allowed(i, l));
        Assert.False(set.AllowedStart(i));
        Assert.False(set.AllowedEnd(b));
        Assert.True(set.AllowedEnd(l));
    }

    [Fact]
    public void Allowed_Bio_InsideOnlyContinuesSameLabel()
    {
        var set = new TagSet(TagEncoding.Bio);
        int bPer = set.TagOf(EntityLabel.Person, 0), iPer = set.TagOf(EntityLabel.Person, 1), iOrg = set.TagOf(EntityLabel.Organization, 1);
        Assert.True(set.Allowed(bPer, iPer));
        Assert.False(set.Allowed(bPer, iOrg));
        Assert.False(set.Allowed(TagSet.Outside, iPer));
        Assert.False(set.AllowedStart(iPer));
    }
}
