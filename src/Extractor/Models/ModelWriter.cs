using System.Buffers.Binary;
using System.Text;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Models;

/// <summary>Writes a <see cref="NerModel"/> in the versioned binary format described in <see cref="ModelFormat"/>.</summary>
internal static class ModelWriter
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="output"/>.</summary>
    public static void Write(NerModel model, Stream output)
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(model.Info.Version);
            w.Write(model.Info.CreatedUtc.ToBinary());
            w.Write(model.Info.TrainingData);
            w.Write(model.Info.Settings);
            w.Write(model.Info.DevF1);
            w.Write((byte)ModelFormat.Labels.Count);
            foreach (var label in ModelFormat.Labels) w.Write(label);
            WriteClasses(w, model.Classes);
            WriteLists(w, model.Lists);
            w.Write((byte)(model.SecondPass is null ? 1 : 2));
            var first = WriteStage(w, model.FirstPass);
            var second = model.SecondPass is null ? null : WriteStage(w, model.SecondPass);
            WriteCalibrator(w, model.Calibrator);
            WritePairedWeights(w, model, first, second);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[ModelFormat.HeaderLength];
        ModelFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], ModelFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], FeatureExtractor.TemplateVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], bytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], ModelFormat.WideChecksum(bytes));
        output.Write(header);
        output.Write(bytes);
    }

    /// <summary>Writes to a file, replacing it only once the whole model is written.</summary>
    public static void WriteFile(NerModel model, string path)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temp)) Write(model, stream);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The two stages' scoring table as a reader would build it from the rows just written (the stored weights,
    /// not the trainer's unrounded ones), behind a presence byte: absent for a one-stage model or stages that do not pair.</summary>
    private static void WritePairedWeights(BinaryWriter w, NerModel model, QuantizedRows first, QuantizedRows? second)
    {
        bool paired = second is not null && StagePair.Pairs(model.FirstPass, model.SecondPass!);
        w.Write(paired);
        if (!paired) return;
        var table = model.PairedWeights ?? WeightTable.PairRows(model.FirstPass.Index.RowIds, first.Decode(),
            model.SecondPass!.Index.RowIds, second!.Decode(), model.FirstPass.Tags.Count);
        table.Store(w, ModelFormat.HeaderLength);
    }

    /// <summary>Word count, then (when there are words) the section's length, so a reader can skip it; the distinct paths;
    /// and the tables as the tagger reads them, each a block (<see cref="TableMemory.WriteBlock{T}"/>): each word's start
    /// (one more than words), each word's path index, the words' characters (UTF-16) end to end, in ordinal order, and
    /// the index's slots over them. A reader views them in place.</summary>
    private static void WriteClasses(BinaryWriter w, WordClassTable? table)
    {
        var words = table?.WordsByCluster().ToList() ?? [];
        w.Write(words.Count);
        if (words.Count == 0) return;
        w.Write(0);
        long start = w.BaseStream.Position;
        w.Write(table!.Paths.Count);
        foreach (var path in table.Paths) w.Write(path);
        var index = WordIndex.Of([.. words.Select(p => p.Word)]);
        TableMemory.WriteBlock(w, index.Starts, ModelFormat.HeaderLength);
        TableMemory.WriteBlock(w, words.Select(p => p.Cluster).ToArray().AsSpan(), ModelFormat.HeaderLength);
        TableMemory.WriteBlock(w, index.Characters, ModelFormat.HeaderLength);
        TableMemory.WriteBlock(w, index.Slots, ModelFormat.HeaderLength);
        long end = w.BaseStream.Position;
        w.Seek((int)start - 4, SeekOrigin.Begin);
        w.Write(checked((int)(end - start)));
        w.Seek((int)end, SeekOrigin.Begin);
    }

    private static void WriteCalibrator(BinaryWriter w, MentionCalibrator? calibrator)
    {
        w.Write(calibrator is not null);
        if (calibrator is null) return;
        w.Write(calibrator.Description);
        w.Write(MentionEvidence.Count);
        foreach (string name in MentionEvidence.Names) w.Write(name);
        foreach (float weight in calibrator.Weights) w.Write(weight);
        w.Write(calibrator.Bias);
        w.Write(calibrator.MapFrom.Length);
        foreach (float x in calibrator.MapFrom) w.Write(x);
        foreach (float y in calibrator.MapTo) w.Write(y);
    }

    private static void WriteLists(BinaryWriter w, PhraseLists? lists)
    {
        w.Write((byte)(lists?.Names.Count ?? 0));
        if (lists is null) return;
        for (int l = 0; l < lists.Names.Count; l++) { w.Write(lists.Names[l]); w.Write(lists.Counts[l]); }
        TableMemory.WriteBlock(w, lists.Keys, ModelFormat.HeaderLength);
        TableMemory.WriteBlock(w, lists.Values, ModelFormat.HeaderLength);
    }

    /// <summary>Writes a stage: the rows it was read with, when it was, else its weights quantized; returns the rows written.</summary>
    private static QuantizedRows WriteStage(BinaryWriter w, PerceptronModel stage)
    {
        int t = stage.Tags.Count;
        w.Write((byte)stage.Tags.Encoding);
        w.Write((uint)stage.Features);
        w.Write(stage.Temperature);
        w.Write(t);
        foreach (float v in stage.Transitions) w.Write(v);
        foreach (float v in stage.Start) w.Write(v);
        foreach (float v in stage.End) w.Write(v);
        var ids = stage.Index.RowIds;
        TableMemory.WriteBlock(w, ids, ModelFormat.HeaderLength);
        TableMemory.WriteBlock(w, stage.Index.StoredSlots, ModelFormat.HeaderLength);
        var rows = stage.Stored ?? QuantizedRows.Quantize(stage.Weights, ids.Length, t);
        w.Write(rows.Scale);
        w.Write(rows.Data);
        return rows;
    }
}
