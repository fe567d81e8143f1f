using System.Buffers.Binary;
using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
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
    public void AModelWithAnotherLabelSet_IsRefusedByName_NeverFolded()
    {
        // The label list as written (count, then PER ORG LOC MISC), with a fifth label appended and the header fixed.
        var bytes = Bytes();
        byte[] labels = [4, 3, .. "PER"u8, 3, .. "ORG"u8, 3, .. "LOC"u8, 4, .. "MISC"u8];
        int at = bytes.AsSpan(ModelFormat.HeaderLength).IndexOf(labels) + ModelFormat.HeaderLength;
        Assert.True(at >= ModelFormat.HeaderLength);
        byte[] payload = [.. bytes[ModelFormat.HeaderLength..at], 5, .. labels[1..], 3, .. "ABC"u8, .. bytes[(at + labels.Length)..]];
        var header = bytes[..ModelFormat.HeaderLength];
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), ModelFormat.WideChecksum(payload));

        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read([.. header, .. payload], "five.model"));

        Assert.Equal("five.model: label set PER,ORG,LOC,MISC,ABC differs from PER,ORG,LOC,MISC", e.Message);
    }

    [Fact]
    public void LabelSet_IsTheEnum()
    {
        Assert.Equal(EntityLabels.Count, Enum.GetValues<EntityLabel>().Length);
        Assert.Equal(EntityLabels.Count, EntityLabels.All.Length);
        Assert.Equal(["PER", "ORG", "LOC", "MISC"], ModelFormat.Labels);
        Assert.Equal(1 + 4 * EntityLabels.Count, new Extractor.Recognition.Decoding.TagSet(Extractor.Recognition.Decoding.TagEncoding.Bilou).Count);
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
    public void RoundTrip_WordClasses_EveryWordKeepsItsPath_PathsStoredOnce()
    {
        (string, string)[] entries = [("Lima", "0101"), ("Paris", "0101"), ("said", "11"), ("Nestle", "100|0011"), ("grow", "11")];
        var model = fixture.Model with { Classes = new WordClassTable(entries) };
        var stream = new MemoryStream();
        ModelWriter.Write(model, stream);

        var read = ModelReader.Read(stream.ToArray(), "test");

        Assert.Equal(entries.OrderBy(e => e.Item1, StringComparer.Ordinal), read.Classes!.Entries());
        Assert.Equal(3, read.Classes.Paths.Count);
        Assert.Equal(read.Classes.ClusterOf("Lima"), read.Classes.ClusterOf("Paris"));
        Assert.Equal(model.Classes.PrefixCount, read.Classes.PrefixCount);
        // Three paths in all, not one per word: "0101" is written once.
        Assert.Equal(1, CountOf(stream.ToArray(), "0101"u8));
        Assert.Equal(0, read.Classes.MaxPhraseWords);
    }

    [Fact]
    public void RoundTrip_NamePhrases_KeepTheirClass_AndAreLookedUp()
    {
        var model = fixture.Model with { Classes = new WordClassTable([("Manchester", "0101"), ("Manchester United", "11")]) };
        var stream = new MemoryStream();
        ModelWriter.Write(model, stream);

        var read = ModelReader.Read(stream.ToArray(), "test");

        Assert.Equal(WordClassTable.MaxPhraseLength, read.Classes!.MaxPhraseWords);
        Assert.Equal("11", read.Classes.Paths[read.Classes.ClusterOf("Manchester United")]);
    }

    [Fact]
    public void Read_WordClassIndexPastThePaths_SaysCorrupt()
    {
        var bytes = WithTwoClassWords();
        // Make "said"'s path index 7.
        bytes[CharactersOf(bytes) - 12] = 7;
        Reseal(bytes);

        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "m.model"));

        Assert.StartsWith("m.model: corrupt model file", e.Message);
        Assert.Contains("not among the 2 paths", e.Message);
    }

    [Fact]
    public void Read_WordClassStartsPastTheCharacters_SaysCorrupt()
    {
        var bytes = WithTwoClassWords();
        // The last start (8, the end of "said") says 9: past the eight characters there are.
        bytes[CharactersOf(bytes) - 24] = 9;
        Reseal(bytes);

        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "m.model"));

        Assert.StartsWith("m.model: corrupt model file", e.Message);
        Assert.Contains("word offsets do not fit the characters", e.Message);
    }

    [Fact]
    public void Read_FormatFour_TagsAsFormatFive_AndWritesFormatFive()
    {
        var old = ModelReader.Read(FormatFourBytes(), "v4.model");
        Assert.Null(old.PairedWeights);
        var stream = new MemoryStream();
        ModelWriter.Write(old, stream);
        Assert.Equal(ModelFormat.Version, BinaryPrimitives.ReadInt32LittleEndian(stream.ToArray().AsSpan(8)));
        var current = ModelReader.Read(stream.ToArray(), "v5.model");
        Assert.NotNull(current.PairedWeights);
        const string text = "Olga Petrova said in Lima that Nestle will grow . Ivan Kuznetsov flew to Oslo for Siemens .";
        var tokens = PerceptronTrainerTests.Tokens(text);
        Sentence[] sentences = [new(0, tokens.Length)];

        var expected = new EntityRecognizer(fixture.Model, null).Recognize(text, tokens, sentences);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, new EntityRecognizer(old, null).Recognize(text, tokens, sentences));
        Assert.Equal(expected, new EntityRecognizer(current, null).Recognize(text, tokens, sentences));
        // Written back, a stage read from a file keeps its stored rows: the same stage bytes as the old file.
        Assert.Equal(old.FirstPass.Stored!.Data.ToArray(), current.FirstPass.Stored!.Data.ToArray());
    }

    [Fact]
    public void Read_StoredScoringTableEntryPastTheWeights_SaysCorrupt()
    {
        var bytes = Bytes();
        var (entries, weights, filter) = ModelReader.Read(bytes, "m.model").PairedWeights!.Sizes;
        // The table ends the file: its entries (16 bytes each), weights (8) and filter words (8), each block behind its
        // count and the padding to a multiple of 8 (four bytes after an aligned block). Point the first entry in use past
        // the weights.
        int entry = bytes.Length - filter * 8 - 8 - weights * 8 - 8 - entries * 16;
        Assert.Equal(weights, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(entry + entries * 16)));
        while (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(entry)) == 0) entry += 16;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry + 8), weights);
        Reseal(bytes);

        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "m.model"));

        Assert.StartsWith("m.model: corrupt model file", e.Message);
        Assert.Contains($"points past the {weights} weights", e.Message);
    }

    [Fact]
    public void Read_AnyDamagedByte_UnderAValidChecksum_IsRefusedOrTagsWithoutFailing()
    {
        // Format 5's tables are read in place, so a damaged file that still passes its checksum (a crafted one) must
        // be refused by the range checks or tag within its arrays: never an index out of range, a crash or a hang.
        var original = WithTwoClassWords();
        const string text = "Olga Petrova said in Lima that Nestle will grow .";
        var tokens = PerceptronTrainerTests.Tokens(text);
        Sentence[] sentences = [new(0, tokens.Length)];
        var random = new Random(5);
        int refused = 0, read = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var bytes = (byte[])original.Clone();
            int at = ModelFormat.HeaderLength + random.Next(bytes.Length - ModelFormat.HeaderLength);
            bytes[at] ^= (byte)(1 + random.Next(255));
            Reseal(bytes);
            NerModel model;
            try
            {
                model = ModelReader.Read(bytes, "m.model");
            }
            catch (ModelFormatException)
            {
                refused++;
                continue;
            }
            read++;
            _ = new EntityRecognizer(model, null).Recognize(text, tokens, sentences);
        }
        Assert.True(refused > 0 && read > 0, $"{refused} refused, {read} read");
    }

    [Fact]
    public void ReadFile_MapsTheFile_AndTagsAsTheBytesDo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mapped-{Environment.ProcessId}-{Guid.NewGuid():N}.model");
        File.WriteAllBytes(path, Bytes());
        try
        {
            var mapped = ModelReader.ReadFile(path);
            var fromStream = ModelReader.Read(new MemoryStream(Bytes()), "stream.model");
            const string text = "Olga Petrova said in Lima that Nestle will grow .";
            var tokens = PerceptronTrainerTests.Tokens(text);
            Sentence[] sentences = [new(0, tokens.Length)];
            var expected = new EntityRecognizer(fixture.Model, null).Recognize(text, tokens, sentences);
            Assert.Equal(expected, new EntityRecognizer(mapped, null).Recognize(text, tokens, sentences));
            Assert.Equal(expected, new EntityRecognizer(fromStream, null).Recognize(text, tokens, sentences));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RoundTrip_Calibrator_KeepsWeightsAndTable_AndScoresAsBefore()
    {
        var weights = new float[MentionEvidence.Count];
        weights[0] = 0.8f;
        weights[^1] = 1.5f;
        var calibrator = new MentionCalibrator("test fit", weights, -0.25f, [-2f, 0f, 1.5f], [0.2f, 0.5f, 0.9f]);
        var stream = new MemoryStream();
        ModelWriter.Write(fixture.Model with { Calibrator = calibrator }, stream);

        var read = ModelReader.Read(stream.ToArray(), "c.model").Calibrator!;

        Assert.Equal("test fit", read.Description);
        Assert.Equal(weights, read.Weights.ToArray());
        Assert.Equal(-0.25f, read.Bias);
        Assert.Equal([-2f, 0f, 1.5f], read.MapFrom.ToArray());
        Assert.Equal([0.2f, 0.5f, 0.9f], read.MapTo.ToArray());
        const string text = "Olga Petrova said in Lima that Nestle will grow .";
        var tokens = PerceptronTrainerTests.Tokens(text);
        Sentence[] sentences = [new(0, tokens.Length)];
        var expected = new EntityRecognizer(fixture.Model with { Calibrator = calibrator }, null).Recognize(text, tokens, sentences);
        var actual = new EntityRecognizer(ModelReader.Read(stream.ToArray(), "c.model"), null).Recognize(text, tokens, sentences);
        Assert.Equal(expected, actual);
        Assert.All(actual, m => Assert.Contains(m.Score, new[] { 0.2f, 0.5f, 0.9f }));
    }

    [Fact]
    public void Read_CalibratorOverOtherEvidence_SaysRefit()
    {
        var calibrator = new MentionCalibrator("x", new float[MentionEvidence.Count], 0, [], []);
        var stream = new MemoryStream();
        ModelWriter.Write(fixture.Model with { Calibrator = calibrator }, stream);
        var bytes = stream.ToArray();
        // The feature names follow the description, each behind its length; rename the first ("marginal", 8 bytes) so
        // this build no longer computes it.
        int at = bytes.AsSpan().IndexOf("\bmarginal"u8) + 1;
        bytes[at] = (byte)'M';
        Reseal(bytes);

        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(bytes, "c.model"));

        Assert.StartsWith("c.model: the calibrator reads evidence (Marginal,", e.Message);
        Assert.Contains("refit it with extractor-calibrate", e.Message);
    }

    [Fact]
    public void Read_FormatVersion3_HasNoCalibrator()
    {
        var bytes = FormatFourBytes();
        // Version 3 is version 4 without the calibrator's presence byte at the end of the payload.
        Assert.Equal(0, bytes[^1]);
        bytes = bytes[..^1];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 3);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), bytes.Length - ModelFormat.HeaderLength);
        ResealOld(bytes);

        var read = ModelReader.Read(bytes, "v3.model");

        Assert.Null(read.Calibrator);
        // The stored file was trained on the day it was made, the fixture's model today: the version's date (its first
        // ten characters) and the time differ, the rest must not.
        Assert.Equal(fixture.Model.Info with { CreatedUtc = read.Info.CreatedUtc, Version = read.Info.Version }, read.Info);
        Assert.Equal(fixture.Model.Info.Version[10..], read.Info.Version[10..]);
    }

    /// <summary>The fixture's model with "Lima" (class 0101) and "said" (class 11), as file bytes.</summary>
    private byte[] WithTwoClassWords()
    {
        var stream = new MemoryStream();
        ModelWriter.Write(fixture.Model with { Classes = new WordClassTable([("Lima", "0101"), ("said", "11")]) }, stream);
        return stream.ToArray();
    }

    /// <summary>Makes the checksum match a deliberately damaged payload, so what is tested is the parse, not the integrity check.</summary>
    private static void Reseal(byte[] bytes) =>
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), ModelFormat.WideChecksum(bytes.AsSpan(ModelFormat.HeaderLength)));

    /// <summary>As <see cref="Reseal"/>, for formats 2 to 4 (byte-wise FNV-1a).</summary>
    private static void ResealOld(byte[] bytes) =>
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), ModelFormat.Checksum(bytes.AsSpan(ModelFormat.HeaderLength)));

    /// <summary>The fixture's model as the previous release wrote it (format 4, no word classes, no calibrator): the
    /// same training data and seed as <see cref="TrainedFixture"/>, written by commit 342736d.</summary>
    private static byte[] FormatFourBytes() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "models", "synthetic-v4.model"));

    /// <summary>Where "Limasaid" (the two words of <see cref="WithTwoClassWords"/>, UTF-16) starts in format 5: the starts
    /// block (0, 4, 8) and the path indexes (0, 1) lie before it, each behind its count and padded to 8 bytes.</summary>
    private static int CharactersOf(byte[] bytes)
    {
        int at = bytes.AsSpan().LastIndexOf(System.Text.Encoding.Unicode.GetBytes("Limasaid"));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0], bytes[(at - 16)..(at - 8)]);
        Assert.Equal([0, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0], bytes[(at - 32)..(at - 20)]);
        return at;
    }

    private static int CountOf(byte[] bytes, ReadOnlySpan<byte> value)
    {
        int count = 0;
        for (int i = bytes.AsSpan().IndexOf(value); i >= 0;)
        {
            count++;
            int next = bytes.AsSpan(i + 1).IndexOf(value);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }

    private static int LastIndexOf(byte[] bytes, ReadOnlySpan<byte> value) => bytes.AsSpan().LastIndexOf(value);

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
