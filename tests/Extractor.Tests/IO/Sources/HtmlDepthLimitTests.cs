using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

/// <summary>Tags past the nesting limit are dropped before parsing (the parse was quadratic in depth); text never is.</summary>
public class HtmlDepthLimitTests
{
    [Theory]
    [InlineData("<html><body><p>Tony Blair <b>spoke</b>.</p></body></html>")]
    [InlineData("<div><div><div>a</div></div></div>")]
    [InlineData("<p title=\"a > b\">x<br>y<img src=x>z</p>")]
    [InlineData("a < b and <!-- <div> --> c")]
    public void ShallowPage_ReturnedAsTheSameString(string html) =>
        Assert.Same(html, HtmlDepthLimit.Apply(html, maxDepth: 4));

    [Theory]
    [InlineData("<b><b><b><b>x</b></b></b></b>", "<b><b>x</b></b>")]
    [InlineData("<div><p><i>x</i></p></div>", "<div><p>x</p></div>")]
    [InlineData("<a><a><br><a>x<br/></a></a></a>", "<a><a><br>x<br/></a></a>")]
    [InlineData("<i><i><i q='>'>x</i></i></i>", "<i><i>x</i></i>")]
    public void DeepTags_DroppedPastTheLimit_TextKept(string html, string expected) =>
        Assert.Equal(expected, HtmlDepthLimit.Apply(html, maxDepth: 2));

    [Theory]
    [InlineData("<div><script>if (a<b) { x = '<b><b><b>'; }</script>t</div>")]
    [InlineData("<div><style>p>b{}</style><!-- <b><b><b> -->t</div>")]
    [InlineData("<div a=\"<b><b><b>\">t</div>")]
    public void TagsInsideRawTextCommentsAndQuotes_NotCounted(string html) =>
        Assert.Same(html, HtmlDepthLimit.Apply(html, maxDepth: 2));

    [Fact]
    public void DeeplyNestedPage_ExtractsItsText()
    {
        string html = string.Concat(Enumerable.Repeat("<b>", 200_000)) + "Tony Blair spoke." + string.Concat(Enumerable.Repeat("<div>", 100_000));

        Assert.Equal("Tony Blair spoke.", HtmlTextExtractor.Extract(html));
    }
}
