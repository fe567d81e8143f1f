using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class HtmlTextExtractorTests
{
    [Fact]
    public void Extract_Article_KeepsVisibleTextWithBlockBreaks()
    {
        var html = File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Fixtures", "io", "article.html"));

        Assert.Equal(
            "Summit in Berlin\n\nAngela Merkel met Emmanuel Macron\non Tuesday.\n\nTalks went well\n\nTrade\nEnergy & climate",
            HtmlTextExtractor.Extract(html));
    }

    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<h2>Head</h2>Body", "Head\n\nBody")]
    [InlineData("<div>a</div><div>b</div>", "a\nb")]
    [InlineData("a<br>b", "a\nb")]
    [InlineData("<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>", "x\ny\nz")]
    [InlineData("<select><option>France</option><option>Germany</option></select>", "France\nGermany")]
    [InlineData("<p>a<br>b</p><ul><li>c</li><li>d</li></ul><h2>e</h2>f", "a\nb\n\nc\nd\n\ne\n\nf")]
    [InlineData("<p>  spaced \n\t out  </p>", "spaced out")]
    [InlineData("<b>bold</b><i>italic</i> words", "bolditalic words")]
    [InlineData("<body>kept<script>x()</script><style>.a{}</style><noscript>n</noscript><template>t</template></body>", "kept")]
    [InlineData("<p hidden>secret</p>shown", "shown")]
    [InlineData("", "")]
    public void Extract_Fragment_ProducesExpectedText(string html, string expected) =>
        Assert.Equal(expected, HtmlTextExtractor.Extract(html));

    [Fact]
    public void Extract_DeeplyNestedMarkup_DoesNotOverflow()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20000)) + "deep";

        Assert.Equal("deep", HtmlTextExtractor.Extract(html));
    }
}
