using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class LineBufferTests
{
    private static List<(string Line, bool TooLong)> ReadAll(string text, int maxChars)
    {
        var buffer = new LineBuffer();
        var reader = new StringReader(text);
        var lines = new List<(string, bool)>();
        while (buffer.Read(reader, maxChars, out bool tooLong, out bool noMemory))
        {
            Assert.False(noMemory);
            lines.Add((buffer.Line.ToString(), tooLong));
        }
        return lines;
    }

    [Fact]
    public void Lines_EndAtLfCrLfOrCr_AsReadLineDoes()
    {
        const string text = "one\ntwo\r\nthree\rfour\n\nlast";
        var expected = new List<string>();
        var reader = new StringReader(text);
        for (string? line; (line = reader.ReadLine()) is not null;) expected.Add(line);

        Assert.Equal(expected, ReadAll(text, 100).Select(l => l.Line));
    }

    [Fact]
    public void ALineOverTheLimit_ComesBackEmptyAndFlagged_TheNextIsWhole()
    {
        var lines = ReadAll("short\n" + new string('x', 11) + "\r\n" + new string('y', 10) + "\nafter", maxChars: 10);

        Assert.Equal([("short", false), ("", true), (new string('y', 10), false), ("after", false)], lines);
    }

    [Fact]
    public void AfterAHugeLine_TheBufferKeepsNoMoreThanAnArticle()
    {
        var buffer = new LineBuffer();
        var reader = new StringReader(new string('x', 3_000_000) + "\nnext\n");

        Assert.True(buffer.Read(reader, int.MaxValue, out _, out _));
        Assert.Equal(3_000_000, buffer.Line.Length);
        Assert.True(buffer.Read(reader, int.MaxValue, out _, out _));

        Assert.Equal("next", buffer.Line.ToString());
        Assert.True(buffer.Line.Capacity <= 1 << 16, $"capacity {buffer.Line.Capacity}");
    }
}
