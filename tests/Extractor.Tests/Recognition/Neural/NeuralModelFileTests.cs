using Extractor.Models;

namespace Extractor.Tests.Recognition.Neural;

public class NeuralModelFileTests
{
    [Fact]
    public void Writing_TheShippedTier_GivesItsBytes()
    {
        using var written = new MemoryStream();
        NeuralModelFile.Write(ShippedTier.Model, written);
        Assert.True(written.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(ShippedTier.Path)));
    }

    [Fact]
    public void DamagedOrTruncatedFiles_AreRefusedWithOneLine()
    {
        var bytes = File.ReadAllBytes(ShippedTier.Path);
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        var e = Assert.Throws<ModelFormatException>(() => NeuralModelFile.Read(flipped, "tier.model"));
        Assert.Equal("tier.model: corrupt model file (checksum mismatch)", e.Message);
        e = Assert.Throws<ModelFormatException>(() => NeuralModelFile.Read(bytes[..(bytes.Length - 10)], "tier.model"));
        Assert.StartsWith("tier.model: truncated or padded model file", e.Message);
        e = Assert.Throws<ModelFormatException>(() => NeuralModelFile.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "models", "extractor.model")), "base.model"));
        Assert.Equal("base.model: not an Extractor accurate-tier model file (bad magic number)", e.Message);
    }
}
