using System.Text;
using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class TextDecoderTests
{
    [Fact]
    public void Decode_Utf8WithBom_DropsBom()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. "Zoë"u8]);

        Assert.Equal("Zoë", decoded.Text);
        Assert.Equal(-1, decoded.FirstInvalidByte);
    }

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_Decodes() =>
        Assert.Equal("Zoë\r\nParis", TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Zoë\r\nParis")]).Text);

    [Fact]
    public void Decode_Utf16BigEndianWithBom_Decodes() =>
        Assert.Equal("Zoë", TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Zoë")]).Text);

    [Fact]
    public void Decode_InvalidUtf8_ReplacesAndReportsFirstBadByte()
    {
        var decoded = TextDecoder.Decode([.. "Caf"u8, 0xE9, .. " and "u8, 0xFF]);

        Assert.Equal("Caf\uFFFD and \uFFFD", decoded.Text);
        Assert.Equal(3, decoded.FirstInvalidByte);
        Assert.False(decoded.IsBinary);
    }

    [Fact]
    public void Decode_InvalidUtf8AfterBom_CountsBomInOffset() =>
        Assert.Equal(5, TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. "ab"u8, 0xC3]).FirstInvalidByte);

    [Fact]
    public void Decode_CarriageReturns_AreKept() => Assert.Equal("a\r\nb\rc", TextDecoder.Decode("a\r\nb\rc"u8).Text);

    [Fact]
    public void Decode_NulByte_IsBinary() => Assert.True(TextDecoder.Decode([.. "text"u8, 0, .. "more"u8]).IsBinary);

    [Fact]
    public void Decode_MostlyControlBytes_IsBinary() =>
        Assert.True(TextDecoder.Decode([.. Enumerable.Range(1, 200).Select(i => (byte)(i % 8 + 1)), .. "ok"u8]).IsBinary);

    [Fact]
    public void Decode_LatinOneProse_IsTextWithWarning()
    {
        var decoded = TextDecoder.Decode(Encoding.Latin1.GetBytes("Le président français a visité Zürich."));

        Assert.False(decoded.IsBinary);
        Assert.Equal(5, decoded.FirstInvalidByte);
    }

    [Fact]
    public void Decode_Empty_IsEmptyText() => Assert.Equal(new DecodedText("", -1, false), TextDecoder.Decode([]));

    /// <summary>Over a megabyte of prose with accents and a pair: more than one tagging window.</summary>
    private static string LongText() =>
        string.Concat(Enumerable.Repeat("Zoë met Marco Rubio in Zürich 😀 on Monday.\r\n", 30_000));

    [Fact]
    public void DecodeCompact_LongValidUtf8_HeldAsItsBytes_SameText()
    {
        string text = LongText();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

        var decoded = TextDecoder.DecodeCompact(bytes);

        Assert.Equal("", decoded.Text);
        Assert.Equal(text, decoded.Compact!.ToString());
        Assert.Equal(-1, decoded.FirstInvalidByte);
        Assert.Null(TextDecoder.Decode(bytes).Compact);
        Assert.Null(TextDecoder.DecodeCompact(Encoding.UTF8.GetBytes("Zoë met Marco Rubio.")).Compact);
    }

    [Fact]
    public void DecodeCompact_LongInvalidUtf8_DecodedAsAStringWithItsFirstBadByte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(LongText()), 0xE9, .. "end"u8];

        var decoded = TextDecoder.DecodeCompact(bytes);

        Assert.Null(decoded.Compact);
        Assert.Equal(bytes.Length - 4, decoded.FirstInvalidByte);
        Assert.EndsWith("\uFFFDend", decoded.Text, StringComparison.Ordinal);
    }
}
