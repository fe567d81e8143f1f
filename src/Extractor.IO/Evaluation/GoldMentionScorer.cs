using System.Globalization;
using System.Text.Json;
using Extractor.IO.Sources;
using Extractor.Pipeline;
using Extractor.Text;
using Extractor.Training;

namespace Extractor.IO.Evaluation;

/// <summary>One labelled mention of a gold file: file name, code-point span, type (PERSON, COUNTRY, ORGANIZATION).</summary>
internal readonly record struct GoldMention(string Document, int Start, int End, string Type);

/// <summary>Counts of one type: system mentions scored and right, gold mentions and found, system mentions ignored
/// because they match an optional span.</summary>
internal sealed class MentionCounts
{
    public int System, SystemRight, Gold, GoldFound, Ignored;

    public double Precision => System == 0 ? 0 : (double)SystemRight / System;

    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores the tool on a folder of texts against a JSONL gold file of mentions with code-point offsets (the format of
/// <c>../shared/data/re3d-dev-gold.jsonl</c>), the way <c>../shared/eval/score.py</c> does at mention level: exact (span
/// and type equal) and lenient (overlap, same type), per type and micro-averaged over PERSON, COUNTRY and
/// ORGANIZATION; a system mention that misses gold but matches an optional span (exactly, or by overlap when lenient)
/// is ignored. Documents are matched by file name.
/// </summary>
internal static class GoldMentionScorer
{
    /// <summary>The types scored, in report order.</summary>
    public static readonly IReadOnlyList<string> Types = ["PERSON", "COUNTRY", "ORGANIZATION"];

    /// <summary>The mentions of a gold (or optional-span) JSONL file, deduplicated; records without a usable document,
    /// start, end and type are skipped, as score.py skips them; other types are left out.</summary>
    /// <exception cref="InvalidDataException">Not UTF-8, or a line that is not JSON; the message names file and line.</exception>
    public static List<GoldMention> Read(string path)
    {
        var mentions = new List<GoldMention>();
        var seen = new HashSet<GoldMention>();
        int line = 0;
        foreach (var text in StrictText.ReadLines(path, DiagnosticText.Escape(path)))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement record;
            try { record = JsonDocument.Parse(text).RootElement; }
            catch (JsonException e) { throw new InvalidDataException($"{DiagnosticText.Escape(path)}:{line}: not JSON ({e.Message.Split(" Path:")[0]})"); }
            if (record.ValueKind != JsonValueKind.Object
                || !TryGet(record, "document", out var document) || !TryInt(record, "start", out int start)
                || !TryInt(record, "end", out int end) || !TryGet(record, "type", out var type)) continue;
            var mention = new GoldMention(FileName(document), start, end, NormalType(type));
            if (Types.Contains(mention.Type) && seen.Add(mention)) mentions.Add(mention);
        }
        return mentions;
    }

    /// <summary>What the pipeline finds in each text document of <paramref name="items"/>, as gold mentions (code points,
    /// output type names), with the documents read and each mention's score; failures are returned to be reported.</summary>
    public static (List<GoldMention> Mentions, List<SourceItem> Problems, int Documents, Dictionary<GoldMention, float> Scores) Predict(EntityPipeline pipeline, IReadOnlyList<SourceItem> items)
    {
        var documents = items.OfType<SourceDocument>().ToList();
        var problems = items.Where(i => i is not SourceDocument).ToList();
        var found = documents.AsParallel().AsOrdered().SelectMany(d =>
        {
            var resolved = pipeline.Run(d.Text).Resolved;
            var points = new CodePointIndex(d.Text);
            return resolved.Select(r => (Mention: new GoldMention(FileName(d.Id), points.At(r.Mention.Start), points.At(r.Mention.End), r.Kind.ToOutputName()), r.Mention.Score));
        }).Where(m => Types.Contains(m.Mention.Type)).ToList();
        var scores = new Dictionary<GoldMention, float>();
        foreach (var (mention, score) in found) scores.TryAdd(mention, score);
        return ([.. scores.Keys], problems, documents.Count, scores);
    }

    /// <summary>How well the scores of the <paramref name="system"/> mentions that count (those not ignored as optional)
    /// match how often they are exactly right.</summary>
    public static ScoreReliability Reliability(IReadOnlyList<GoldMention> system, Dictionary<GoldMention, float> scores,
        IReadOnlyList<GoldMention> gold, IReadOnlyList<GoldMention> optional)
    {
        var goldSet = gold.ToHashSet();
        var optionalSet = optional.ToHashSet();
        var reliability = new ScoreReliability();
        foreach (var m in system)
        {
            bool right = goldSet.Contains(m);
            if (right || !optionalSet.Contains(m)) reliability.Add(scores[m], right);
        }
        return reliability;
    }

    /// <summary>Per-type counts (and "overall") of <paramref name="system"/> against <paramref name="gold"/>.</summary>
    public static Dictionary<string, MentionCounts> Score(IReadOnlyList<GoldMention> system, IReadOnlyList<GoldMention> gold,
        IReadOnlyList<GoldMention> optional, bool lenient)
    {
        var counts = Types.Append("overall").ToDictionary(t => t, _ => new MentionCounts());
        var goldByDocType = gold.ToLookup(g => (g.Document, g.Type));
        var optionalByDocType = optional.ToLookup(o => (o.Document, o.Type));
        var goldSet = gold.ToHashSet();
        var optionalSet = optional.ToHashSet();
        var found = new HashSet<GoldMention>();
        foreach (var m in system)
        {
            bool right, ignored;
            if (lenient)
            {
                var hits = goldByDocType[(m.Document, m.Type)].Where(g => Overlap(g, m)).ToList();
                right = hits.Count > 0;
                found.UnionWith(hits);
                ignored = !right && optionalByDocType[(m.Document, m.Type)].Any(o => Overlap(o, m));
            }
            else
            {
                right = goldSet.Contains(m);
                if (right) found.Add(m);
                ignored = !right && optionalSet.Contains(m);
            }
            foreach (var c in new[] { counts[m.Type], counts["overall"] })
            {
                if (ignored) { c.Ignored++; continue; }
                c.System++;
                if (right) c.SystemRight++;
            }
        }
        foreach (var g in gold)
        {
            foreach (var c in new[] { counts[g.Type], counts["overall"] })
            {
                c.Gold++;
                if (found.Contains(g)) c.GoldFound++;
            }
        }
        return counts;
    }

    /// <summary>The whole evaluation: the pipeline over the text files of <paramref name="texts"/> (default: the folder
    /// beside the gold file named as it is without <c>-gold.jsonl</c>), scored against <paramref name="goldPath"/> and the
    /// optional spans (default: its sibling <c>-optional.jsonl</c>, when there is one); writes the header and both tables
    /// and returns the exact overall F1 in percent.</summary>
    /// <exception cref="InvalidDataException">A file is missing or not what it should be; the message is one line.</exception>
    public static double Evaluate(EntityPipeline pipeline, string goldPath, string? texts, string? optionalPath, TextWriter writer, TextWriter diagnostics)
    {
        string stem = goldPath.EndsWith("-gold.jsonl", StringComparison.Ordinal) ? goldPath[..^"-gold.jsonl".Length] : "";
        texts ??= stem.Length > 0 && Directory.Exists(stem) ? stem : throw new InvalidDataException($"{DiagnosticText.Escape(goldPath)}: give --texts DIR, the folder of the documents it labels");
        if (!Directory.Exists(texts)) throw new InvalidDataException($"{DiagnosticText.Escape(texts)}: no such folder (--texts)");
        optionalPath ??= stem.Length > 0 && File.Exists(stem + "-optional.jsonl") ? stem + "-optional.jsonl" : null;
        var gold = Read(goldPath);
        var optional = optionalPath is null ? [] : Read(optionalPath);
        ModelLines.Write(pipeline.Options, writer);
        var source = new DocumentSource(new SourceOptions { Include = ["*"], Format = InputFormat.Text }, TextReader.Null);
        var (system, problems, documents, scores) = Predict(pipeline, source.Read([texts]).ToList());
        foreach (var problem in problems) diagnostics.WriteLine(problem is SourceWarning ? $"warning: {problem}" : $"error: {problem}");
        var names = gold.Select(g => g.Document).ToHashSet();
        writer.WriteLine($"gold: {Path.GetFileName(goldPath)}, {gold.Count} mentions in {names.Count} documents; texts: {documents} files in {texts}; optional spans: {(optionalPath is null ? "none" : $"{Path.GetFileName(optionalPath)} ({optional.Count})")}");
        var exact = Score(system, gold, optional, lenient: false);
        WriteTable(writer, "mention level, exact (span and type)", exact);
        WriteTable(writer, "mention level, lenient (overlapping span, same type)", Score(system, gold, optional, lenient: true));
        var (low, high) = Interval(system, gold, optional);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact F1 {100 * exact["overall"].F1:F1}, 90% bootstrap interval over documents {100 * low:F1}-{100 * high:F1} ({Resamples} resamples, seed 1)"));
        var reliability = Reliability(system, scores, gold, optional);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibration (exact): ECE {reliability.ExpectedCalibrationError:F3} over {reliability.Count} scored mentions ({ScoreReliability.Bins} equal-width bins)"));
        return 100 * exact["overall"].F1;
    }

    /// <summary>How many times <see cref="Interval"/> resamples the documents.</summary>
    public const int Resamples = 1000;

    /// <summary>The 5th and 95th percentiles of the exact overall F1 over <see cref="Resamples"/> samples of the gold's
    /// documents drawn with replacement (seeded, so the same files give the same interval): a change of F1 inside it is
    /// noise on a set this small, one below it a loss.</summary>
    public static (double Low, double High) Interval(IReadOnlyList<GoldMention> system, IReadOnlyList<GoldMention> gold, IReadOnlyList<GoldMention> optional)
    {
        var documents = gold.Select(g => g.Document).Concat(system.Select(s => s.Document)).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (documents.Length == 0) return (0, 0);
        // Counts per document once; a resample adds them up with its multiplicities.
        var perDocument = documents.Select(d => Score([.. system.Where(s => s.Document == d)], [.. gold.Where(g => g.Document == d)],
            [.. optional.Where(o => o.Document == d)], lenient: false)["overall"]).ToArray();
        var random = new Random(1);
        var f1 = new double[Resamples];
        for (int r = 0; r < Resamples; r++)
        {
            var sum = new MentionCounts();
            for (int i = 0; i < documents.Length; i++)
            {
                var c = perDocument[random.Next(documents.Length)];
                sum.System += c.System;
                sum.SystemRight += c.SystemRight;
                sum.Gold += c.Gold;
                sum.GoldFound += c.GoldFound;
            }
            f1[r] = sum.F1;
        }
        Array.Sort(f1);
        return (f1[(int)(0.05 * Resamples)], f1[(int)(0.95 * Resamples) - 1]);
    }

    /// <summary>The table score.py prints for one level: type, gold, system, ignored, P, R, F1 (percent, one decimal).</summary>
    public static void WriteTable(TextWriter writer, string title, Dictionary<string, MentionCounts> counts)
    {
        writer.WriteLine(title);
        writer.WriteLine("  type            gold  system  ign       P       R      F1");
        foreach (var (type, c) in counts)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {type,-14}{c.Gold,6}{c.System,8}{c.Ignored,5}{100 * c.Precision,8:F1}{100 * c.Recall,8:F1}{100 * c.F1,8:F1}"));
    }

    private static bool Overlap(GoldMention a, GoldMention b) => a.Start < b.End && b.Start < a.End;

    /// <summary>The last path segment, as score.py's <c>base</c> takes it (a document id may be a relative path).</summary>
    private static string FileName(string document) => document[(document.LastIndexOfAny(['/', '\\']) + 1)..];

    private static string NormalType(string type) => type.Trim().ToUpperInvariant() switch
    {
        "PER" => "PERSON",
        "ORG" or "ORGANISATION" => "ORGANIZATION",
        var other => other,
    };

    private static bool TryGet(JsonElement record, string name, out string value)
    {
        value = record.TryGetProperty(name, out var p) && p.ValueKind is JsonValueKind.String ? p.GetString() ?? "" : "";
        return value.Length > 0;
    }

    private static bool TryInt(JsonElement record, string name, out int value)
    {
        value = 0;
        return record.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out value);
    }
}
