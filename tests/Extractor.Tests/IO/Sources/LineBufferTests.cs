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
            lines.Add((System.Text.Encoding.UTF8.GetString(buffer.ToUtf8()), tooLong));
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
    public void AHugeLine_ComesBackWhole_AndTheNextOneAfterIt()
    {
        var buffer = new LineBuffer();
        var reader = new StringReader(new string('x', 3_000_000) + "\nnext\n");

        Assert.True(buffer.Read(reader, int.MaxValue, out _, out _));
        Assert.Equal(3_000_000, buffer.Length);
        var huge = buffer.ToUtf8();
        Assert.True(buffer.Read(reader, int.MaxValue, out _, out _));

        Assert.Equal(3_000_000, huge.Length);
        Assert.True(huge.AsSpan().IndexOfAnyExcept((byte)'x') < 0);
        Assert.Equal("next", System.Text.Encoding.UTF8.GetString(buffer.ToUtf8()));
    }

    [Fact]
    public void Utf8_IsWhatTheEncoderMakes_WhereverACharacterFallsAgainstTheSegments()
    {
        // Property: random lines of one- to four-byte characters, lone surrogates and U+FFFD, each long enough to span
        // segments with characters across their ends, come back as Encoding.UTF8 encodes them (lone surrogates as
        // U+FFFD's bytes), with their length, replacement and white-space flags.
        var random = new Random(30);
        string[] pieces = ["a", " ", "é", "€", "😀", "\uD800", "\uDC00", "\uFFFD", "\u3000", "Zürich ", "\t"];
        for (int trial = 0; trial < 40; trial++)
        {
            var line = new System.Text.StringBuilder();
            int target = random.Next(0, 3 * LineBuffer.SegmentBytes);
            while (line.Length < target) line.Append(pieces[random.Next(trial % 3 == 0 ? 2 : pieces.Length)]);
            string text = line.ToString();
            var buffer = new LineBuffer();

            Assert.True(buffer.Read(new StringReader(text + "\nrest"), int.MaxValue, out bool tooLong, out bool noMemory));

            Assert.False(tooLong || noMemory);
            Assert.Equal(text.Length, buffer.Length);
            Assert.Equal(text.Contains('\uFFFD'), buffer.HasReplacement);
            Assert.Equal(string.IsNullOrWhiteSpace(text), buffer.IsWhiteSpace);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), buffer.ToUtf8());
        }
    }

    [Fact]
    public void ALineThatWasTooLong_LeavesNothingBehindForTheNext()
    {
        var buffer = new LineBuffer();
        var reader = new StringReader(new string('\uFFFD', 50) + "\n  \n");

        Assert.True(buffer.Read(reader, 10, out bool tooLong, out _));
        Assert.True(tooLong);
        Assert.Equal(0, buffer.Length);
        Assert.False(buffer.HasReplacement);
        Assert.Empty(buffer.ToUtf8());
        Assert.True(buffer.Read(reader, 10, out tooLong, out _));
        Assert.False(tooLong);
        Assert.True(buffer.IsWhiteSpace);
    }
}
