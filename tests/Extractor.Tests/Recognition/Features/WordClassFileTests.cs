using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Tests.IO;

namespace Extractor.Tests.Recognition.Features;

public class WordClassFileTests
{
    [Fact]
    public void Read_TwoFiles_BecomeTwoLayersOfOneTable()
    {
        using var folder = new TempFolder();
        string coarse = folder.Write("coarse.paths", "0101\tBerlin\t40\n0101\tParis\t35\n0110\tsaid\t900\n");
        string fine = folder.Write("fine.paths", "11\tBerlin\n");

        var table = WordClassFile.Read([coarse, fine]);

        Assert.Equal(3, table.WordCount);
        Assert.Equal(8, table.PrefixCount);
        Assert.Contains("0101|11", table.Paths);
    }

    [Theory]
    [InlineData("0101 Berlin 40\n")]    // spaces, not tabs
    [InlineData("0121\tBerlin\t40\n")]  // not a bit path
    [InlineData("\tBerlin\n")]          // no path at all
    public void Read_MalformedLine_NamesFileAndLine(string second)
    {
        using var folder = new TempFolder();
        string file = folder.Write("bad.paths", "0110\tsaid\t900\n" + second);

        var e = Assert.Throws<InvalidDataException>(() => WordClassFile.Read([file]));

        Assert.Equal($"{file}:2: expected BITS<TAB>WORD[<TAB>COUNT]", e.Message);
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var e = Assert.Throws<FileNotFoundException>(() => WordClassFile.Read(["/nonexistent/kmeans.paths"]));

        Assert.Equal("/nonexistent/kmeans.paths: no such clusters file", e.Message);
    }
}
