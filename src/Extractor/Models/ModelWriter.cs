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
            WriteStage(w, model.FirstPass);
            if (model.SecondPass is not null) WriteStage(w, model.SecondPass);
            WriteCalibrator(w, model.Calibrator);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[ModelFormat.HeaderLength];
        ModelFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], ModelFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], FeatureExtractor.TemplateVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], bytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], ModelFormat.Checksum(bytes));
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

    /// <summary>Word count, then (when there are words) the section's length, so a reader can hand it to another
    /// thread and skip it; the distinct paths; each word's length in UTF-16 code units and path index; and all the
    /// words as one UTF-8 run, which loads with a single decode.</summary>
    private static void WriteClasses(BinaryWriter w, WordClassTable? table)
    {
        var words = table?.WordsByCluster().ToList() ?? [];
        w.Write(words.Count);
        if (words.Count == 0) return;
        var section = new MemoryStream();
        using (var s = new BinaryWriter(section, Encoding.UTF8, leaveOpen: true))
        {
            s.Write(table!.Paths.Count);
            foreach (var path in table.Paths) s.Write(path);
            foreach (var (word, cluster) in words) { s.Write7BitEncodedInt(word.Length); s.Write7BitEncodedInt(cluster); }
            var text = Encoding.UTF8.GetBytes(string.Concat(words.Select(p => p.Word)));
            s.Write(text.Length);
            s.Write(text);
        }
        w.Write(checked((int)section.Length));
        w.Write(section.GetBuffer(), 0, (int)section.Length);
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
        w.Write(lists.Keys.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lists.Keys));
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lists.Values));
    }

    private static void WriteStage(BinaryWriter w, PerceptronModel stage)
    {
        int t = stage.Tags.Count;
        w.Write((byte)stage.Tags.Encoding);
        w.Write((uint)stage.Features);
        w.Write(stage.Temperature);
        w.Write(t);
        foreach (float v in stage.Transitions) w.Write(v);
        foreach (float v in stage.Start) w.Write(v);
        foreach (float v in stage.End) w.Write(v);
        var ids = stage.Index.Ids();
        w.Write(ids.Length);
        foreach (ulong id in ids) w.Write(id);
        var weights = stage.Weights;
        float max = 0;
        foreach (float v in weights) max = Math.Max(max, Math.Abs(v));
        // int16 with one scale keeps 1/32767 of the largest weight: far below what moves an argmax, and half the bytes.
        float scale = max == 0 ? 1 : max / short.MaxValue;
        w.Write(scale);
        Span<short> quantized = stackalloc short[t];
        for (int r = 0; r < ids.Length; r++)
        {
            uint mask = 0;
            for (int k = 0; k < t; k++)
            {
                quantized[k] = (short)Math.Round(weights[r * t + k] / scale);
                if (quantized[k] != 0) mask |= 1u << k;
            }
            w.Write(mask);
            for (int k = 0; k < t; k++)
                if ((mask & (1u << k)) != 0) w.Write(quantized[k]);
        }
    }
}
