using System.Buffers.Binary;
using Extractor.Models;
using Extractor.Recognition;
using Extractor.Tests.Training;
using Extractor.Text;

namespace Extractor.Tests.Models;

public class ModelFileTests(TrainedFixture fixture) : IClassFixture<TrainedFixture>
{
    private byte[] Bytes()
    {
        var stream = new MemoryStream();
        ModelWriter.Write(fixture.Model, stream);
        return stream.ToArray();
    }

    [Fact]
    public void RoundTrip_GivesSamePredictionsAndInfo()
    {
        var read = ModelReader.Read(Bytes(), "test");
        Assert.Equal(fixture.Model.Info, read.Info);
        const string text = "Olga Petrova said in Lima that Nestle will grow .";
        var tokens = PerceptronTrainerTests.Tokens(text);
        Sentence[] sentences = [new(0, tokens.Length)];
        var expected = new EntityRecognizer(fixture.Model, null).Recognize(text, tokens, sentences);
        var actual = new EntityRecognizer(read, null).Recognize(text, tokens, sentences);
        Assert.Equal(expected.Select(m => (m.Start, m.End, m.Label)), actual.Select(m => (m.Start, m.End, m.Label)));
        Assert.NotEmpty(actual);
    }

    [Fact]
    public void Read_Truncated_SaysTruncated()
    {
        var bytes = Bytes();
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes.AsSpan(0, bytes.Length / 2), "m.model"));
        Assert.Contains("m.model: truncated", e.Message);
    }

    [Fact]
    public void Read_FlippedByte_SaysCorrupt()
    {
        var bytes = Bytes();
        bytes[bytes.Length / 2] ^= 0x5A;
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "m.model"));
        Assert.Contains("corrupt", e.Message);
    }

    [Fact]
    public void Read_OtherFormatVersion_SaysVersionAndHowToFix()
    {
        var bytes = Bytes();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 99);
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "m.model"));
        Assert.Contains("format version 99", e.Message);
        Assert.Contains("retrain", e.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    public void Read_NotAModel_SaysSo(byte[] bytes)
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "notes.txt"));
        Assert.Equal("notes.txt: not an Extractor model file (bad magic number)", e.Message);
    }

    [Fact]
    public void Read_MissingFile_IsFormatErrorNotCrash()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.ReadFile("/nonexistent/dir/x.model"));
        Assert.Contains("/nonexistent/dir/x.model", e.Message);
    }
}
