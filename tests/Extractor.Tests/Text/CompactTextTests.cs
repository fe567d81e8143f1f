using System.Text;
using Extractor.Text;

namespace Extractor.Tests.Text;

/// <summary>A text held as UTF-8 reads back, over any range, exactly the characters of the string it came from.</summary>
public class CompactTextTests
{
    /// <summary>ASCII, two- and three-byte characters, surrogate pairs and line breaks, long enough for many checkpoints.</summary>
    private static string Mixed(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            switch (random.Next(12))
            {
                case 0: text.Append("😀"); break;
                case 1: text.Append('é'); break;
                case 2: text.Append('中'); break;
                case 3: text.Append('\n'); break;
                case 4: text.Append("\U0001F1F6\U0001F1E6"); break; // a flag: two pairs
                default: text.Append((char)random.Next('a', 'z' + 1)); break;
            }
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(2, 20_000)]
    [InlineData(3, 1_024)]
    public void Substring_AnyRange_IsTheStringsRange(int seed, int length)
    {
        string s = Mixed(seed, length);
        var compact = CompactText.From(s)!;
        var random = new Random(seed);

        Assert.Equal(s.Length, compact.Length);
        Assert.Equal(Encoding.UTF8.GetByteCount(s), compact.ByteCount);
        Assert.Equal(s, compact.ToString());
        for (int i = 0; i < 2_000; i++)
        {
            int start = random.Next(s.Length + 1);
            int count = random.Next(Math.Min(3_000, s.Length - start) + 1);
            Assert.Equal(s.Substring(start, count), compact.Substring(start, count));
        }
        // Every start near a checkpoint, the second half of a pair included, and every end.
        for (int start = 0; start < s.Length; start += random.Next(1, 40))
        {
            Assert.Equal(s[start..], compact.Substring(start, s.Length - start));
            Assert.Equal(s[..start], compact.Substring(0, start));
        }
    }

    /// <summary>Ranges of one to three characters from every start: a range may begin or end on either half of a pair,
    /// right at a checkpoint or just past one.</summary>
    [Fact]
    public void Substring_ShortRanges_FromEveryStart()
    {
        string s = Mixed(5, 4_200);
        var compact = CompactText.From(s)!;
        var fromBytes = CompactText.FromUtf8(Encoding.UTF8.GetBytes(s), 0, Encoding.UTF8.GetByteCount(s))!;
        for (int start = 0; start < s.Length; start++)
            for (int count = 1; count <= 3 && start + count <= s.Length; count++)
            {
                Assert.Equal(s.Substring(start, count), compact.Substring(start, count));
                Assert.Equal(s.Substring(start, count), fromBytes.Substring(start, count));
            }
    }

    /// <summary>Once let go, a text still maps every UTF-16 offset to the code-point offset the string gives, and
    /// refuses to be read.</summary>
    [Theory]
    [InlineData(6, 0)]
    [InlineData(7, 1)]
    [InlineData(8, 40)]
    public void LetGo_KeepsCodePointOffsets(int seed, int pairs)
    {
        var random = new Random(seed);
        var chars = Enumerable.Range(0, 20_000).Select(_ => (char)random.Next('a', 'z' + 1)).ToList();
        for (int i = 0; i < pairs; i++) chars.InsertRange(random.Next(chars.Count), "\U0001F600");
        string s = new([.. chars]);
        var fromString = CompactText.From(s)!;
        var fromBytes = CompactText.FromUtf8(Encoding.UTF8.GetBytes(s), 0, Encoding.UTF8.GetByteCount(s))!;
        var expected = new CodePointIndex(s);

        foreach (var compact in new[] { fromString, fromBytes })
        {
            Assert.True(compact.LetGo());
            Assert.True(compact.IsLetGo);
            Assert.Equal(s.Length, compact.Length);
            var index = new CodePointIndex(compact);
            for (int offset = 0; offset <= s.Length; offset++) Assert.Equal(expected.At(offset), index.At(offset));
            Assert.Throws<InvalidOperationException>(() => compact.Substring(0, 1));
        }
    }

    /// <summary>A text with more pairs than one per 256 characters is kept: their positions would cost too much.</summary>
    [Fact]
    public void LetGo_KeepsATextDenseInPairs()
    {
        string s = Mixed(9, 10_000);
        var compact = CompactText.From(s)!;

        Assert.False(compact.LetGo());
        Assert.False(compact.IsLetGo);
        Assert.Equal(s, compact.ToString());
    }

    [Fact]
    public void Window_AddsTheMarginTheTextAllows()
    {
        string s = Mixed(4, 10_000);
        var compact = CompactText.From(s)!;

        Assert.Equal((s[900..2_100], 900), compact.Window(1_000, 2_000, 100));
        Assert.Equal((s[..2_100], 0), compact.Window(50, 2_000, 100));
        Assert.Equal((s[9_000..], 9_000), compact.Window(9_100, s.Length, 100));
    }

    [Fact]
    public void From_KnowsItsText()
    {
        string wrapped = string.Join("\n", Enumerable.Repeat("the minister said on Monday that the talks would go on in the capital", 12));
        Assert.Equal(LineWrapping.WrapWidth(wrapped), CompactText.From(wrapped)!.WrapWidth);
        Assert.NotEqual(0, CompactText.From(wrapped)!.WrapWidth);
        Assert.False(CompactText.From("plain text")!.HasSurrogates);
        Assert.True(CompactText.From("a 😀 b")!.HasSurrogates);
        Assert.Equal(0, CompactText.From("")!.Length);
    }

    [Theory]
    [InlineData("a", 0xD800, "b")]
    [InlineData("", 0xDC00, "")]
    [InlineData("end", 0xD83D, "")]
    public void From_ALoneSurrogate_IsNull_SoTheStringIsKept(string before, int surrogate, string after) =>
        // Built here: a test case's own strings lose lone surrogates on their way to the test.
        Assert.Null(CompactText.From(before + (char)surrogate + after));

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void CodePointIndex_OfTheCompactText_IsThatOfTheString(int seed)
    {
        string s = Mixed(seed, 9_000);
        var fromString = new CodePointIndex(s);
        var fromCompact = new CodePointIndex(CompactText.From(s)!);
        for (int i = 0; i <= s.Length; i++) Assert.Equal(fromString.At(i), fromCompact.At(i));
    }

    [Theory]
    [InlineData(7, 5_000)]
    [InlineData(8, 30_000)]
    public void FromUtf8_IsFromTheString(int seed, int length)
    {
        string s = Mixed(seed, length);
        byte[] utf8 = [.. "xy"u8, .. Encoding.UTF8.GetBytes(s), .. "z"u8];
        var fromString = CompactText.From(s)!;
        var fromBytes = CompactText.FromUtf8(utf8, 2, utf8.Length - 3)!;
        var random = new Random(seed);

        Assert.Equal(s.Length, fromBytes.Length);
        Assert.Equal(fromString.HasSurrogates, fromBytes.HasSurrogates);
        Assert.Equal(s, fromBytes.ToString());
        for (int i = 0; i < 2_000; i++)
        {
            int start = random.Next(s.Length + 1);
            int count = random.Next(Math.Min(3_000, s.Length - start) + 1);
            Assert.Equal(s.Substring(start, count), fromBytes.Substring(start, count));
        }
    }

    [Fact]
    public void FromUtf8_PairsOnEveryStrideBoundary_ReadBackWhole()
    {
        // Pairs only: every stride boundary falls on a pair's start or its second half.
        string s = string.Concat(Enumerable.Repeat("😀", 3_000)) + "a" + string.Concat(Enumerable.Repeat("😀", 3_000));
        var compact = CompactText.FromUtf8(Encoding.UTF8.GetBytes(s), 0, Encoding.UTF8.GetByteCount(s))!;
        for (int start = 0; start < s.Length; start += 7) Assert.Equal(s[start..Math.Min(s.Length, start + 2_100)], compact.Substring(start, Math.Min(s.Length, start + 2_100) - start));
    }

    [Fact]
    public void FromUtf8_LongWrappedText_KnowsItsWrapWidth()
    {
        // Over a megabyte of lines, so the width is read in several pieces of whole lines.
        var line = new StringBuilder();
        var random = new Random(9);
        var text = new StringBuilder();
        string[] words = ["the", "minister", "said", "on", "Monday", "talks", "would", "go", "on", "in", "Doha", "and", "Paris"];
        while (text.Length < 2_500_000)
        {
            string word = words[random.Next(words.Length)];
            if (line.Length + 1 + word.Length > 72)
            {
                text.Append(line).Append(random.Next(40) == 0 ? "\n\n" : "\n");
                line.Clear();
            }
            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }
        string s = text.ToString();
        byte[] utf8 = Encoding.UTF8.GetBytes(s);

        int width = CompactText.FromUtf8(utf8, 0, utf8.Length)!.WrapWidth;
        Assert.Equal(LineWrapping.WrapWidth(s), width);
        Assert.InRange(width, 60, 72);
        // One sentence per line (a capital, a stop) is no wrap, read in pieces too.
        string sentences = string.Join("\n", s.Split('\n').Select(l => l.Length == 0 ? l : char.ToUpperInvariant(l[0]) + l[1..] + "."));
        Assert.Equal(0, LineWrapping.WrapWidth(sentences));
        Assert.Equal(0, CompactText.FromUtf8(Encoding.UTF8.GetBytes(sentences), 0, Encoding.UTF8.GetByteCount(sentences))!.WrapWidth);
    }

    [Fact]
    public void FromUtf8_ASliceThatIsTheSmallerPart_IsCopied_AndTheLargerPartHeldInPlace()
    {
        string s = Mixed(11, 4_000);
        byte[] text = Encoding.UTF8.GetBytes(s);
        byte[] small = [.. new byte[3 * text.Length], .. text];
        byte[] large = [.. "{\"text\":\""u8, .. text, .. "\"}"u8];
        var copied = CompactText.FromUtf8(small, small.Length - text.Length, text.Length)!;
        var held = CompactText.FromUtf8(large, 9, text.Length)!;

        Assert.Equal(s, copied.ToString());
        Assert.Equal(s, held.ToString());
        Assert.Equal(text.Length, held.ByteCount);
        // A change to the arrays afterwards (the callers never make one) shows which text reads its caller's array.
        int ascii = s.IndexOf('a', StringComparison.Ordinal);
        Assert.True(ascii >= 0);
        int at = Encoding.UTF8.GetByteCount(s.AsSpan(0, ascii));
        small[small.Length - text.Length + at] = (byte)'b';
        large[9 + at] = (byte)'b';
        Assert.Equal("a", copied.Substring(ascii, 1));
        Assert.Equal("b", held.Substring(ascii, 1));
    }

    [Fact]
    public void FromUtf8_InvalidBytes_IsNull() => Assert.Null(CompactText.FromUtf8([.. "Caf"u8, 0xE9, .. " au lait"u8], 0, 12));
}
