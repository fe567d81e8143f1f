using System.Text;
using Extractor.Text;

namespace Extractor.Tests.Text;

public class CodePointIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void At_EqualsCountingCodePointsFromTheStart(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < 5000)
        {
            switch (random.Next(10))
            {
                case 0: text.Append("😀"); break;               // a pair
                case 1: text.Append((char)random.Next(0xD800, 0xDC00)); break; // a lone high surrogate
                case 2: text.Append((char)random.Next(0xDC00, 0xE000)); break; // a lone low surrogate
                default: text.Append((char)random.Next('a', 'z' + 1)); break;
            }
        }
        string s = text.ToString();
        var index = new CodePointIndex(s);

        int expected = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            Assert.Equal(expected, index.At(i));
            if (i < s.Length && !(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))) expected++;
        }
    }

    [Fact]
    public void At_WithoutSurrogates_IsTheSameOffset()
    {
        var index = new CodePointIndex(new string('x', 3000));

        Assert.Equal(2048, index.At(2048));
        Assert.Equal(3000, index.At(3000));
    }
}
