using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

public class WordClassTableTests
{
    private static readonly Dictionary<string, string> Coarse = new() { ["Paris"] = "0010", ["Berlin"] = "0010", ["said"] = "1101" };
    private static readonly Dictionary<string, string> Fine = new() { ["Paris"] = "001011", ["Berlin"] = "001010" };

    [Fact]
    public void SingleLayer_WordsOfOnePathShareAClass_CaseSensitive()
    {
        var table = WordClassTable.FromLayers([Coarse]);
        Assert.Equal(table.ClusterOf("Paris"), table.ClusterOf("Berlin"));
        Assert.NotEqual(table.ClusterOf("Paris"), table.ClusterOf("said"));
        Assert.Equal(-1, table.ClusterOf("paris"));
        Assert.Equal(4, table.PrefixCount);
    }

    [Fact]
    public void Layers_FinerLayerSplitsWhatTheCoarseOneJoins_AndKeepsOnlyCoarseWords()
    {
        var table = WordClassTable.FromLayers([Coarse, Fine]);
        Assert.Equal(8, table.PrefixCount);
        int paris = table.ClusterOf("Paris"), berlin = table.ClusterOf("Berlin"), said = table.ClusterOf("said");
        Assert.NotEqual(paris, berlin);
        Assert.True(said >= 0);
        // The coarse layer's prefixes agree, the fine layer's full paths do not.
        Assert.Equal(table.Prefix(paris, 0), table.Prefix(berlin, 0));
        Assert.NotEqual(table.Prefix(paris, 7), table.Prefix(berlin, 7));
        // Equal bit strings in different layers are different features.
        Assert.NotEqual(table.Prefix(paris, 0), table.Prefix(paris, 4));
        Assert.Equal("1101|", table.Paths[said]);
    }
}
