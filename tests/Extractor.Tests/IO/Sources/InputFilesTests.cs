using Extractor.IO.Sources;
using Extractor.Tests.IO;

namespace Extractor.Tests.IO.Sources;

public class InputFilesTests
{
    // Tests run as root, where mode 000 is not enforced; this pins the mapping the unreadable-file path relies on.
    [Fact]
    public void Describe_AccessDenied_IsPermissionDenied() =>
        Assert.Equal("permission denied", InputFiles.Describe(new UnauthorizedAccessException("Access to the path is denied.")));

    [Fact]
    public void Describe_MissingFile_IsNotFound() => Assert.Equal("not found", InputFiles.Describe(new FileNotFoundException()));

    [Fact]
    public void Describe_UnexpectedException_IsNotAnExpectedFailure() => Assert.Null(InputFiles.Describe(new InvalidOperationException()));

    [Theory]
    [InlineData(50L * 1024 * 1024, "50 MB")]
    [InlineData(2048, "2 KB")]
    [InlineData(1L << 30, "1 GB")]
    [InlineData(1000, "1000 bytes")]
    public void DescribeSize_UsesLargestWholeUnit(long bytes, string expected) => Assert.Equal(expected, InputFiles.DescribeSize(bytes));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3000)]
    [InlineData(64 * 1024)]
    [InlineData(200_001)]
    public void TryReadAll_GivesExactlyTheFilesBytes(int size)
    {
        using var folder = new TempFolder();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = folder.Write("f.bin", bytes);
        Assert.Equal(bytes, InputFiles.TryReadAll(path, maxBytes: size, out var reason));
        Assert.Equal("", reason);
    }

    [Fact]
    public void TryReadAll_OneByteOverTheLimit_SaysTooLarge()
    {
        using var folder = new TempFolder();
        var path = folder.Write("f.txt", new string('x', 1001));
        Assert.Null(InputFiles.TryReadAll(path, maxBytes: 1000, out var reason));
        Assert.Contains("larger than", reason);
    }
}
