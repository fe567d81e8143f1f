using Extractor.IO.Output;

namespace Extractor.Tests.IO.Output;

public class AtomicFileOutputTests
{
    [Fact]
    public void Commit_ReplacesEarlierFileAndLeavesNoTemp()
    {
        using var folder = new TempFolder();
        var target = folder.Write("out.csv", "old\n");

        using (var output = AtomicFileOutput.Create(target))
        {
            output.Writer.WriteLine("new");
            Assert.Equal("old\n", File.ReadAllText(target));
            output.Commit();
        }

        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal(["out.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesOriginalUntouchedAndDeletesTemp()
    {
        using var folder = new TempFolder();
        var target = folder.Write("out.json", "original");

        using (var output = AtomicFileOutput.Create(target))
        {
            output.Writer.Write("half a rec");
            Assert.StartsWith(".out.json.tmp-", Path.GetFileName(output.TempPath));
            Assert.True(File.Exists(output.TempPath));
        }

        Assert.Equal("original", File.ReadAllText(target));
        Assert.Equal(["out.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dispose_WithoutCommitAndNoEarlierFile_CreatesNothing()
    {
        using var folder = new TempFolder();
        var target = Path.Join(folder.Path, "new.csv");

        AtomicFileOutput.Create(target).Dispose();

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Writer_WritesUtf8WithoutBomAndLfNewlines()
    {
        using var folder = new TempFolder();
        var target = Path.Join(folder.Path, "out.csv");

        using (var output = AtomicFileOutput.Create(target))
        {
            output.Writer.WriteLine("Zoë");
            output.Commit();
        }

        Assert.Equal("Zoë\n"u8.ToArray(), File.ReadAllBytes(target));
    }
}
